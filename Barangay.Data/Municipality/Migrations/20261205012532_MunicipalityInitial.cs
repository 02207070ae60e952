using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Municipality.Migrations
{
    /// <inheritdoc />
    public partial class MunicipalityInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "barangays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    slug = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    psgc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    server = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    database_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    suspended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_activity_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    population = table.Column<int>(type: "int4", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_barangays", x => x.id);
                    table.CheckConstraint("ck_barangays_psgc", "psgc ~ '^[0-9]{10}$'");
                    table.CheckConstraint("ck_barangays_status", "status IN ('active', 'suspended')");
                });

            migrationBuilder.CreateTable(
                name: "municipal_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    office = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_sign_in_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipal_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "municipal_audit_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipal_audit_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "municipal_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipal_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "barangay_moves",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    from_barangay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_barangay_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_resident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_resident_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rbi = table.Column<string>(type: "jsonb", nullable: false),
                    consent_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    consent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_barangay_moves", x => x.id);
                    table.CheckConstraint("ck_barangay_moves_status", "status IN ('pending', 'accepted', 'declined')");
                    table.ForeignKey(
                        name: "fk_barangay_moves_barangays_from_barangay_id",
                        column: x => x.from_barangay_id,
                        principalTable: "barangays",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_barangay_moves_barangays_to_barangay_id",
                        column: x => x.to_barangay_id,
                        principalTable: "barangays",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_barangay_moves_from_barangay_id_from_resident_id",
                table: "barangay_moves",
                columns: new[] { "from_barangay_id", "from_resident_id" });

            migrationBuilder.CreateIndex(
                name: "ix_barangay_moves_to_barangay_id_status",
                table: "barangay_moves",
                columns: new[] { "to_barangay_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_barangays_host",
                table: "barangays",
                column: "host",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_barangays_psgc",
                table: "barangays",
                column: "psgc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_barangays_server_database_name",
                table: "barangays",
                columns: new[] { "server", "database_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_barangays_slug",
                table: "barangays",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_municipal_accounts_user_name",
                table: "municipal_accounts",
                column: "user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_municipal_audit_logs_action_timestamp",
                table: "municipal_audit_logs",
                columns: new[] { "action", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_municipal_audit_logs_timestamp",
                table: "municipal_audit_logs",
                column: "timestamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "barangay_moves");

            migrationBuilder.DropTable(
                name: "municipal_accounts");

            migrationBuilder.DropTable(
                name: "municipal_audit_logs");

            migrationBuilder.DropTable(
                name: "municipal_settings");

            migrationBuilder.DropTable(
                name: "barangays");
        }
    }
}
