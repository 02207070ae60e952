using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Sms;

public class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("sms_outbox");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.ToNumber).IsRequired();
        b.Property(x => x.Body).IsRequired().HasColumnType("text");
        b.Property(x => x.BodySecret).HasColumnType("text");
        b.Property(x => x.Status).IsRequired().HasDefaultValue(SmsStatuses.Queued);
        b.Property(x => x.AttemptCount).HasDefaultValue(0);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Status, x.CreatedAt }).HasDatabaseName("ix_sms_outbox_status_created");
    }
}
