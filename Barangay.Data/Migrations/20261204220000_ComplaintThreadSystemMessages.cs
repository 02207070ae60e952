using Barangay.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <summary>
    /// Data only (the model is unchanged, so no snapshot change): filing a complaint used to open its thread with an
    /// automatic "Complaint … was filed" message sent in the filer's name, which the resident read as "You: …" and the
    /// hall inbox listed as if the resident had written. Those messages become what they are, system events: no
    /// sender. A message without a sender is shown as a note across the thread, and a thread with no message from a
    /// person is listed in no inbox until someone writes in it.
    /// </summary>
    [DbContext(typeof(BarangayDbContext))]
    [Migration("20261204220000_ComplaintThreadSystemMessages")]
    public partial class ComplaintThreadSystemMessages : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE messages SET sender_user_id = NULL, sender_resident_id = NULL
                WHERE sender_user_id IS NOT NULL
                  AND body LIKE 'Complaint % was filed. Write here to add details or ask the hall about it.'
                  AND conversation_id IN (SELECT id FROM conversations WHERE link_type = 'complaint');
                """);
        }

        // Who sent them is not kept; they stay system events.
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
