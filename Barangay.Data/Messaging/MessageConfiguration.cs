using Barangay.Data.Accounts;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Messaging;

public class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("messages");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.Body).HasColumnType("text");
        b.Property(x => x.Attachments).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.SenderUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.SenderResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ConversationId).HasDatabaseName("idx_messages_conv");
        // The per-process poll for new messages (live updates across replicas).
        b.HasIndex(x => x.CreatedAt).HasDatabaseName("ix_messages_created_at");
    }
}
