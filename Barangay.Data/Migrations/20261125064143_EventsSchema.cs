using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventsSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "registered_count",
                table: "events",
                type: "int4",
                nullable: false,
                defaultValue: 0);

            // Seats already taken before the counter existed (PostgreSQL and CockroachDB both take this form).
            migrationBuilder.Sql(
                "UPDATE events SET registered_count = (SELECT count(*) FROM event_registrations r " +
                "WHERE r.event_id = events.id AND r.status IN ('registered', 'attended'))");

            migrationBuilder.CreateTable(
                name: "announcement_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    announcement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false, defaultValue: "queued"),
                    total = table.Column<int>(type: "int4", nullable: false),
                    delivered = table.Column<int>(type: "int4", nullable: false),
                    notifications = table.Column<int>(type: "int4", nullable: false),
                    emails = table.Column<int>(type: "int4", nullable: false),
                    sms_messages = table.Column<int>(type: "int4", nullable: false),
                    last_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_announcement_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_announcement_deliveries_announcements_announcement_id",
                        column: x => x.announcement_id,
                        principalTable: "announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sms_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    to_number = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false, defaultValue: "queued"),
                    attempt_count = table.Column<int>(type: "int4", nullable: false, defaultValue: 0),
                    last_result = table.Column<string>(type: "text", nullable: true),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_sms_outbox_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_status",
                table: "event_registrations",
                columns: new[] { "event_id", "status", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_announcement_deliveries_status",
                table: "announcement_deliveries",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_announcement_deliveries_announcement",
                table: "announcement_deliveries",
                column: "announcement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sms_outbox_status_created",
                table: "sms_outbox",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sms_outbox_user_id",
                table: "sms_outbox",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcement_deliveries");

            migrationBuilder.DropTable(
                name: "sms_outbox");

            migrationBuilder.DropIndex(
                name: "ix_event_registrations_event_status",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "registered_count",
                table: "events");
        }
    }
}
