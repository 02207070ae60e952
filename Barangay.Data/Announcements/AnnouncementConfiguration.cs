using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Announcements;

public class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("announcements");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.AnnouncementId).IsRequired();
        b.Property(x => x.Title).IsRequired();
        b.Property(x => x.Body).HasColumnType("text").IsRequired();
        b.Property(x => x.Audience).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        b.Property(x => x.Priority).HasDefaultValue("normal");
        b.Property(x => x.Pinned).HasDefaultValue(false);
        b.Property(x => x.Attachments).HasColumnType("jsonb");
        b.Property(x => x.DeliveryChannels).HasColumnType("text[]").HasDefaultValueSql("ARRAY['in_app']::text[]");
        b.Property(x => x.Status).HasDefaultValue(AnnouncementStatuses.Draft);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AnnouncementId).IsUnique().HasDatabaseName("announcements_announcement_id_key");
        b.HasIndex(x => x.StartAt).HasDatabaseName("idx_announcements_start");
        b.HasIndex(x => x.Status).HasDatabaseName("ix_announcements_status");
        b.HasIndex(x => x.Audience).HasMethod("gin").HasDatabaseName("ix_announcements_audience");
    }
}
