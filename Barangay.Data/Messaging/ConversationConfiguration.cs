using Barangay.Data.Accounts;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Messaging;

public class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public const string ComplaintThreadIndex = "ux_conversations_complaint";

    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("conversations");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.AwaitingReply).HasDefaultValue(false);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        // The hall inbox: unanswered first, then the most recent.
        b.HasIndex(x => new { x.AwaitingReply, x.LastMessageAt }).HasDatabaseName("ix_conversations_awaiting_last");
        b.HasIndex(x => x.ResidentId).HasDatabaseName("ix_conversations_resident_id");
        b.HasIndex(x => new { x.LinkType, x.LinkId }).HasDatabaseName("ix_conversations_link");
        // One thread per complaint, held by the database: two people writing first at the same moment cannot open two
        // (MessagingService.WriteAboutComplaintAsync then writes into the one that won). Migration MergeComplaintThreads.
        b.HasIndex(x => x.LinkId).IsUnique().HasFilter("link_type = 'complaint'").HasDatabaseName(ComplaintThreadIndex);
    }
}
