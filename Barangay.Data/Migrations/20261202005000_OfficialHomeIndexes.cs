using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfficialHomeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_residents_active_purok_sex_dob",
                table: "residents",
                columns: new[] { "purok", "sex", "dob" },
                filter: "deleted_at IS NULL AND registration_status = 'active'");

            migrationBuilder.CreateIndex(
                name: "ix_document_requests_submitted_at",
                table: "document_requests",
                column: "submitted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_active_purok_sex_dob",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_document_requests_submitted_at",
                table: "document_requests");
        }
    }
}
