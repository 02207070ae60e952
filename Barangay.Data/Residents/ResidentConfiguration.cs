using Barangay.Data.Accounts;
using Barangay.Data.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Residents;

public class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("residents");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.ResidentId).IsRequired();
        b.Property(x => x.FirstName).IsRequired();
        b.Property(x => x.LastName).IsRequired();
        b.Property(x => x.Purok).IsRequired();
        b.Property(x => x.RegistrationStatus).IsRequired().HasDefaultValue(ResidentStatuses.Active);
        b.Property(x => x.PrivacySettings).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ResidentId).IsUnique().HasDatabaseName("residents_resident_id_key");
        b.HasIndex(x => x.Purok).HasDatabaseName("idx_residents_purok");
        b.HasIndex(x => x.Dob).HasDatabaseName("idx_residents_dob");
        b.HasIndex(x => x.UserId).HasDatabaseName("ix_residents_user_id");
        b.HasIndex(x => x.HouseholdId).HasDatabaseName("ix_residents_household_id");
        b.Property(x => x.Citizenship).HasDefaultValue("Filipino");
        b.Property(x => x.SearchName).IsRequired().HasDefaultValue("");
        b.Property(x => x.SearchFirst).IsRequired().HasDefaultValue("");
        b.Property(x => x.SearchLast).IsRequired().HasDefaultValue("");
        // Name search (ILIKE / similarity) through trigram indexes: pg_trgm on PostgreSQL, native on CockroachDB.
        b.HasIndex(x => x.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_residents_search_name_trgm");
        b.HasIndex(x => x.SearchLast).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_residents_last_name_trgm");
        b.HasIndex(x => x.SearchFirst).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_residents_first_name_trgm");
        // Exact lookups of the dictionary words a typo resolved to (ResidentNames): surname, or surname and first name.
        b.HasIndex(x => new { x.SearchLast, x.SearchFirst }).HasDatabaseName("ix_residents_search_last_first");
        b.HasIndex(x => x.SearchFirst, "ix_residents_search_first");
        b.HasIndex(x => new { x.Purok, x.LastName, x.FirstName }).HasDatabaseName("ix_residents_purok_name");
        b.HasIndex(x => new { x.LastName, x.FirstName }).HasDatabaseName("ix_residents_name");
        b.HasQueryFilter(x => x.DeletedAt == null);
    }
}
