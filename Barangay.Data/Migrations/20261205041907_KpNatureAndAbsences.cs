using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpNatureAndAbsences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "absences",
                table: "kp_cases",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<DateTime>(
                name: "dismissed_at",
                table: "kp_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "nature",
                table: "kp_cases",
                type: "text",
                nullable: false,
                defaultValue: "others");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "absences",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "dismissed_at",
                table: "kp_cases");

            migrationBuilder.DropColumn(
                name: "nature",
                table: "kp_cases");
        }
    }
}
