using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Accounts;

public class RegistrationPendingConfiguration : IEntityTypeConfiguration<RegistrationPending>
{
    public void Configure(EntityTypeBuilder<RegistrationPending> b)
    {
        b.ToTable("registration_pending");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.RegistrationId).IsRequired();
        b.Property(x => x.UserPayload).HasColumnType("jsonb").IsRequired();
        b.Property(x => x.Status).HasDefaultValue("pending");
        // The document spells this column with capitals; keep its exact (quoted) name.
        b.Property(x => x.EstimatedReviewEta).HasColumnName("estimated_review_ETA");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ReferenceResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RegistrationId).IsUnique().HasDatabaseName("registration_pending_registration_id_key");
        b.HasIndex(x => x.Status).HasDatabaseName("idx_registration_pending_status");
    }
}
