using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagingSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaiting_reply",
                table: "conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "created_by",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_message_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "link_id",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "link_type",
                table: "conversations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "resident_id",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_created_at",
                table: "messages",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_awaiting_last",
                table: "conversations",
                columns: new[] { "awaiting_reply", "last_message_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_created_by",
                table: "conversations",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_link",
                table: "conversations",
                columns: new[] { "link_type", "link_id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_resident_id",
                table: "conversations",
                column: "resident_id");

            migrationBuilder.AddForeignKey(
                name: "fk_conversations_residents_resident_id",
                table: "conversations",
                column: "resident_id",
                principalTable: "residents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_conversations_users_created_by",
                table: "conversations",
                column: "created_by",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_conversations_residents_resident_id",
                table: "conversations");

            migrationBuilder.DropForeignKey(
                name: "fk_conversations_users_created_by",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_messages_created_at",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_conversations_awaiting_last",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_created_by",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_link",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_resident_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "awaiting_reply",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "last_message_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "link_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "link_type",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "resident_id",
                table: "conversations");
        }
    }
}
