using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Officials;

public class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> b)
    {
        b.ToTable("officials");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.OfficialId).IsRequired();
        b.Property(x => x.FullName).IsRequired();
        b.Property(x => x.Position).IsRequired();
        b.Property(x => x.AppointmentDocs).HasColumnType("jsonb");
        b.Property(x => x.Status).HasDefaultValue(OfficialStatuses.Active);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OfficialId).IsUnique().HasDatabaseName("officials_official_id_key");
        b.HasIndex(x => x.Position).HasDatabaseName("idx_officials_position");
        b.HasIndex(x => x.UserId).HasDatabaseName("ix_officials_user_id");
    }
}
