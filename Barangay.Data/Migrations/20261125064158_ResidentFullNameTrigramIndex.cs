using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResidentFullNameTrigramIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The typo search compares the whole name run together ("juandelacrus"); an expression index keeps
            // that comparison off a full scan. Not in the EF model (it has no expression indexes); CockroachDB
            // supports expression trigram indexes natively.
            migrationBuilder.Sql("CREATE INDEX idx_residents_full_name_trgm ON residents USING gin ((search_first || search_last) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX idx_residents_full_name_trgm;");
        }
    }
}
