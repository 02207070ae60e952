using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Exports;

public class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> b)
    {
        b.ToTable("exports");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.ExportId).IsRequired();
        b.Property(x => x.RequestedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Dataset).IsRequired();
        b.Property(x => x.Filters).HasColumnType("jsonb");
        b.Property(x => x.Format).IsRequired();
        b.Property(x => x.Status).HasDefaultValue("queued");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.HasOne<User>().WithMany().HasForeignKey(x => x.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ExportId).IsUnique().HasDatabaseName("exports_export_id_key");
        b.HasIndex(x => x.Status).HasDatabaseName("ix_exports_status");
        b.HasIndex(x => x.RequestedBy).HasDatabaseName("ix_exports_requested_by");
    }
}
