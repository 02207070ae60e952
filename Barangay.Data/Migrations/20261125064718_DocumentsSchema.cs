using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "due_at",
                table: "document_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "idx_docreq_purok_status_due",
                table: "document_requests",
                columns: new[] { "purok", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "idx_docreq_status_due",
                table: "document_requests",
                columns: new[] { "status", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_docreq_purok_status_due",
                table: "document_requests");

            migrationBuilder.DropIndex(
                name: "idx_docreq_status_due",
                table: "document_requests");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "document_requests");
        }
    }
}
