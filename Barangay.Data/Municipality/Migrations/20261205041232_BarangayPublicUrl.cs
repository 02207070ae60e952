using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Municipality.Migrations
{
    /// <inheritdoc />
    public partial class BarangayPublicUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "public_url",
                table: "barangays",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "public_url",
                table: "barangays");
        }
    }
}
