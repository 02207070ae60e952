using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Municipality.Migrations
{
    /// <inheritdoc />
    public partial class MoveOldSideDone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "old_side_done",
                table: "barangay_moves",
                type: "boolean",
                nullable: false,
                defaultValue: true); // rows from before this column are settled moves
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "old_side_done",
                table: "barangay_moves");
        }
    }
}
