using Barangay.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <summary>
    /// One thread per complaint, held by the database: a unique index on <c>conversations.link_id</c> for complaint
    /// links (partial; document-request links are not restricted). Built after <see cref="MergeComplaintThreads"/>
    /// merged any duplicates.
    /// </summary>
    [DbContext(typeof(BarangayDbContext))]
    [Migration("20261205020001_ComplaintThreadUniqueIndex")]
    public partial class ComplaintThreadUniqueIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_conversations_complaint",
                table: "conversations",
                column: "link_id",
                unique: true,
                filter: "link_type = 'complaint'");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ux_conversations_complaint", table: "conversations");
        }
    }
}
