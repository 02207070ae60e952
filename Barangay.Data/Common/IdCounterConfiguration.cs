using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Common;

public class IdCounterConfiguration : IEntityTypeConfiguration<IdCounter>
{
    public void Configure(EntityTypeBuilder<IdCounter> b)
    {
        b.ToTable("id_counters");
        b.HasKey(x => new { x.Prefix, x.Year });
        b.Property(x => x.LastValue).HasColumnType("int8");
    }
}
