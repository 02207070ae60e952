using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Events;

public class CommunityEventConfiguration : IEntityTypeConfiguration<CommunityEvent>
{
    public void Configure(EntityTypeBuilder<CommunityEvent> b)
    {
        b.ToTable("events");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.EventId).IsRequired();
        b.Property(x => x.Title).IsRequired();
        b.Property(x => x.Description).HasColumnType("text");
        b.Property(x => x.RegistrationRequired).HasDefaultValue(false);
        b.Property(x => x.Status).HasDefaultValue(EventStatuses.Draft);
        b.Property(x => x.RegisteredCount).HasDefaultValue(0);
        b.Property(x => x.Attachments).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.EventId).IsUnique().HasDatabaseName("events_event_id_key");
        b.HasIndex(x => x.StartAt).HasDatabaseName("idx_events_start");
        b.HasIndex(x => x.Status).HasDatabaseName("idx_events_status");
    }
}
