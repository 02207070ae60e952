using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintsSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "complaints",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kp_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_no = table.Column<string>(type: "text", nullable: false),
                    respondents = table.Column<string>(type: "jsonb", nullable: false),
                    stage = table.Column<string>(type: "text", nullable: false, defaultValue: "mediation"),
                    filed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    summons_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    summons_issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    mediation_started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    mediation_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    mediation_failed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    pangkat_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    pangkat_constituted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    pangkat_members = table.Column<string>(type: "jsonb", nullable: true),
                    conciliation_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    conciliation_extended = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    outcome_terms = table.Column<string>(type: "text", nullable: true),
                    outcome_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    repudiation_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    repudiated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    repudiation_reason = table.Column<string>(type: "text", nullable: true),
                    certificate_issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kp_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_kp_cases_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kp_hearings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    kp_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "text", nullable: false),
                    held_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attendees = table.Column<string>(type: "jsonb", nullable: false),
                    minutes = table.Column<string>(type: "text", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kp_hearings", x => x.id);
                    table.ForeignKey(
                        name: "fk_kp_hearings_kp_cases_kp_case_id",
                        column: x => x.kp_case_id,
                        principalTable: "kp_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kp_hearings_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_reported_at",
                table: "complaints",
                column: "reported_at");

            migrationBuilder.CreateIndex(
                name: "ix_kp_cases_stage_filed",
                table: "kp_cases",
                columns: new[] { "stage", "filed_at" });

            migrationBuilder.CreateIndex(
                name: "ux_kp_cases_case_no",
                table: "kp_cases",
                column: "case_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_kp_cases_complaint_id",
                table: "kp_cases",
                column: "complaint_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kp_hearings_case_held",
                table: "kp_hearings",
                columns: new[] { "kp_case_id", "held_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kp_hearings_recorded_by",
                table: "kp_hearings",
                column: "recorded_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kp_hearings");

            migrationBuilder.DropTable(
                name: "kp_cases");

            migrationBuilder.DropIndex(
                name: "ix_complaints_reported_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "metadata",
                table: "complaints");
        }
    }
}
