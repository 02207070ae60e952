using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentNameDictionary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resident_names",
                columns: table => new
                {
                    kind = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resident_names", x => new { x.kind, x.name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_residents_search_first",
                table: "residents",
                column: "search_first");

            migrationBuilder.CreateIndex(
                name: "ix_residents_search_last_first",
                table: "residents",
                columns: new[] { "search_last", "search_first" });

            migrationBuilder.CreateIndex(
                name: "ix_resident_names_name_trgm",
                table: "resident_names",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Typos are resolved against the dictionary now; nothing reads the whole-name trigram index any more.
            migrationBuilder.Sql("DROP INDEX idx_residents_full_name_trgm;");

            // The names of the residents already in the register.
            migrationBuilder.Sql(Barangay.Data.Residents.ResidentNames.RebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resident_names");

            migrationBuilder.Sql("CREATE INDEX idx_residents_full_name_trgm ON residents USING gin ((search_first || search_last) gin_trgm_ops);");

            migrationBuilder.DropIndex(
                name: "ix_residents_search_first",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_search_last_first",
                table: "residents");
        }
    }
}
