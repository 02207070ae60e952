using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Households;

public class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.HouseholdId).IsRequired();
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.HeadResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.HouseholdId).IsUnique().HasDatabaseName("households_household_id_key");
        b.HasIndex(x => x.Purok).HasDatabaseName("ix_households_purok");
        b.HasQueryFilter(x => x.DeletedAt == null);
    }
}
