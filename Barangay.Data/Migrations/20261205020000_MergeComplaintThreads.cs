using Barangay.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Barangay.Data.Migrations
{
    /// <summary>
    /// Data only, before <see cref="ComplaintThreadUniqueIndex"/> (a backfill in its own migration: COCKROACHDB.md
    /// rule 3). Two threads could be opened for one complaint when two people wrote first at the same moment; before the
    /// index is built they are merged into the oldest: messages move to it, participants are combined (unread counts
    /// added, the latest read time kept), its last message time and "awaiting reply" are taken over the group, and
    /// the emptied threads are removed (their participants cascade; the messages were moved first).
    /// Plain SQL that PostgreSQL and CockroachDB both run.
    /// </summary>
    [DbContext(typeof(BarangayDbContext))]
    [Migration("20261205020000_MergeComplaintThreads")]
    public partial class MergeComplaintThreads : Migration
    {
        private const string Ranked = """
            ranked AS (
              SELECT id, link_id, first_value(id) OVER (PARTITION BY link_id ORDER BY created_at, id) AS keep
              FROM conversations WHERE link_type = 'complaint' AND link_id IS NOT NULL)
            """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                WITH {Ranked}
                UPDATE messages SET conversation_id = r.keep FROM ranked r WHERE messages.conversation_id = r.id AND r.id <> r.keep;
                """);
            migrationBuilder.Sql($"""
                WITH {Ranked},
                moved AS (
                  SELECT r.keep, p.user_id, sum(p.unread_count)::int4 AS unread, max(p.last_read_at) AS last_read
                  FROM conversation_participants p JOIN ranked r ON p.conversation_id = r.id
                  WHERE r.id <> r.keep GROUP BY r.keep, p.user_id)
                INSERT INTO conversation_participants (id, conversation_id, user_id, unread_count, last_read_at)
                SELECT gen_random_uuid(), keep, user_id, unread, last_read FROM moved
                ON CONFLICT (conversation_id, user_id) DO UPDATE
                  SET unread_count = conversation_participants.unread_count + excluded.unread_count,
                      last_read_at = greatest(conversation_participants.last_read_at, excluded.last_read_at);
                """);
            migrationBuilder.Sql($"""
                WITH {Ranked},
                grouped AS (
                  SELECT r.keep, max(c.last_message_at) AS last_at, bool_or(c.awaiting_reply) AS awaiting
                  FROM conversations c JOIN ranked r ON c.id = r.id GROUP BY r.keep HAVING count(*) > 1)
                UPDATE conversations SET last_message_at = g.last_at, awaiting_reply = g.awaiting
                FROM grouped g WHERE conversations.id = g.keep;
                """);
            migrationBuilder.Sql($"""
                WITH {Ranked}
                DELETE FROM conversations WHERE id IN (SELECT id FROM ranked WHERE id <> keep);
                """);
        }

        // The merged threads stay merged.
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
