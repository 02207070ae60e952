using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Residents;

public class ResidentNameConfiguration : IEntityTypeConfiguration<ResidentName>
{
    public void Configure(EntityTypeBuilder<ResidentName> b)
    {
        b.ToTable("resident_names");
        b.HasKey(x => new { x.Kind, x.Name });
        b.HasIndex(x => x.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_resident_names_name_trgm");
    }
}
