using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Settings;

public class LookupValueConfiguration : IEntityTypeConfiguration<LookupValue>
{
    public void Configure(EntityTypeBuilder<LookupValue> b)
    {
        b.ToTable("lookup_values");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.Category).IsRequired();
        b.Property(x => x.Code).IsRequired();
        b.Property(x => x.Label).IsRequired();
        b.Property(x => x.Meta).HasColumnType("jsonb");
        b.Property(x => x.Retired).HasDefaultValue(false);
        b.Property(x => x.SortOrder).HasDefaultValue(0);
        b.HasIndex(x => new { x.Category, x.Code }).IsUnique().HasDatabaseName("lookup_values_category_code_key");
    }
}
