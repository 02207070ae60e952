using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Email;

public class EmailQueueItemConfiguration : IEntityTypeConfiguration<EmailQueueItem>
{
    public void Configure(EntityTypeBuilder<EmailQueueItem> b)
    {
        b.ToTable("email_queue");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.ToEmail).IsRequired();
        b.Property(x => x.Body).HasColumnType("text");
        b.Property(x => x.Payload).HasColumnType("jsonb");
        b.Property(x => x.AttemptCount).HasDefaultValue(0);
        b.Property(x => x.IsHtml).HasDefaultValue(false);
        b.Property(x => x.Status).HasDefaultValue(EmailStatuses.Queued);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.Status, x.CreatedAt }).HasDatabaseName("ix_email_queue_status_created");
    }
}
