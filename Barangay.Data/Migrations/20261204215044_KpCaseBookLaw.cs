using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpCaseBookLaw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "acts",
                table: "kp_cases",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<DateTime>(
                name: "arbitration_agreed_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "arbitration_repudiation_due_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "award_due_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "executed_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "execution_due_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "execution_moved_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "execution_notes",
                table: "kp_cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "intake",
                table: "kp_cases",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "kp_cases",
                type: "text",
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<DateTime>(
                name: "next_due_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pangkat",
                table: "kp_cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "pangkat_convened_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "transmittal_due_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "transmitted_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transmitted_to",
                table: "kp_cases",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "vawc_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    referred_to = table.Column<string>(type: "text", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vawc_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_vawc_actions_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_vawc_actions_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kp_cases_next_due",
                table: "kp_cases",
                columns: new[] { "next_due_at", "filed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_vawc_actions_complaint_at",
                table: "vawc_actions",
                columns: new[] { "complaint_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_vawc_actions_recorded_by",
                table: "vawc_actions",
                column: "recorded_by");

            // The case book sorts on the current step's deadline; fill it for the cases already open (KpDeadlines.NextDue).
            migrationBuilder.Sql("""
                UPDATE kp_cases SET next_due_at = CASE
                    WHEN stage = 'mediation' AND summons_issued_at IS NULL THEN summons_due_at
                    WHEN stage = 'mediation' THEN mediation_due_at
                    WHEN stage = 'conciliation' AND pangkat_constituted_at IS NOT NULL THEN conciliation_due_at
                    ELSE NULL END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vawc_actions");

            migrationBuilder.DropIndex(
                name: "ix_kp_cases_next_due",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "acts",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "arbitration_agreed_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "arbitration_repudiation_due_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "award_due_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "executed_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "execution_due_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "execution_moved_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "execution_notes",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "intake",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "language",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "next_due_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "pangkat",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "pangkat_convened_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "transmittal_due_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "transmitted_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "transmitted_to",
                table: "kp_cases");
        }
    }
}
