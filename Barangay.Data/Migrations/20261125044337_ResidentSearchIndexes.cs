using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_residents_first_name_trgm",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "idx_residents_last_name_trgm",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "idx_residents_first_name_trgm",
                table: "residents",
                column: "search_first")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_residents_last_name_trgm",
                table: "residents",
                column: "search_last")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_residents_search_name_trgm",
                table: "residents",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_name",
                table: "residents",
                columns: new[] { "last_name", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_residents_purok_name",
                table: "residents",
                columns: new[] { "purok", "last_name", "first_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_residents_first_name_trgm",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "idx_residents_last_name_trgm",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "idx_residents_search_name_trgm",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_name",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_purok_name",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "idx_residents_first_name_trgm",
                table: "residents",
                column: "first_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "idx_residents_last_name_trgm",
                table: "residents",
                column: "last_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
