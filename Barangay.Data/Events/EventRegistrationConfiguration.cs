using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Events;

public class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.ToTable("event_registrations");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.RegisteredAt).HasDefaultValueSql("now()");
        b.Property(x => x.Status).HasDefaultValue(EventRegistrationStatuses.Registered);
        b.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EventId, x.ResidentId }).IsUnique().HasDatabaseName("event_registrations_event_id_resident_id_key");
        b.HasIndex(x => new { x.EventId, x.Status, x.RegisteredAt }).HasDatabaseName("ix_event_registrations_event_status");
        b.HasIndex(x => x.ResidentId).HasDatabaseName("idx_event_reg_by_resident");
    }
}
