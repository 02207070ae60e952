using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <inheritdoc />
    public partial class LowerCaseLoginIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Expression indexes named by the data-model document; EF has no expression-index API.
            migrationBuilder.Sql("CREATE INDEX idx_users_email_lower ON users (lower(email));");
            migrationBuilder.Sql("CREATE INDEX idx_users_username_lower ON users (lower(username));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX idx_users_username_lower;");
            migrationBuilder.Sql("DROP INDEX idx_users_email_lower;");
        }
    }
}
