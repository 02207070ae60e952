using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpWitnesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "witnesses",
                table: "kp_cases",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "witnesses",
                table: "kp_cases");
        }
    }
}
