using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Announcements;

public class AnnouncementDeliveryConfiguration : IEntityTypeConfiguration<AnnouncementDelivery>
{
    public void Configure(EntityTypeBuilder<AnnouncementDelivery> b)
    {
        b.ToTable("announcement_deliveries");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.Status).IsRequired().HasDefaultValue(DeliveryStatuses.Queued);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AnnouncementId).IsUnique().HasDatabaseName("ux_announcement_deliveries_announcement");
        b.HasIndex(x => new { x.Status, x.CreatedAt }).HasDatabaseName("ix_announcement_deliveries_status");
    }
}
