using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Imports;

public class DataImportConfiguration : IEntityTypeConfiguration<DataImport>
{
    public void Configure(EntityTypeBuilder<DataImport> b)
    {
        b.ToTable("imports");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.ImportId).IsRequired();
        b.Property(x => x.RequestedAt).HasDefaultValueSql("now()");
        b.Property(x => x.DatasetTarget).IsRequired();
        b.Property(x => x.Mapping).HasColumnType("jsonb");
        b.Property(x => x.Status).HasDefaultValue("uploaded");
        b.Property(x => x.PreviewErrors).HasColumnType("jsonb");
        b.Property(x => x.RollbackAvailable).HasDefaultValue(false);
        b.Property(x => x.Report).HasColumnType("jsonb");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.HasOne<User>().WithMany().HasForeignKey(x => x.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ImportId).IsUnique().HasDatabaseName("imports_import_id_key");
        b.HasIndex(x => x.Status).HasDatabaseName("ix_imports_status");
    }
}
