using Barangay.Data.Accounts;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Complaints;

public class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.ComplaintId).IsRequired();
        b.Property(x => x.Category).IsRequired();
        b.Property(x => x.Description).HasColumnType("text").IsRequired();
        b.Property(x => x.ResolutionNotes).HasColumnType("text");
        b.Property(x => x.Confidential).HasDefaultValue(false);
        b.Property(x => x.Attachments).HasColumnType("jsonb");
        b.Property(x => x.Status).IsRequired().HasDefaultValue(ComplaintStatuses.New);
        b.Property(x => x.Priority).HasDefaultValue("normal");
        b.Property(x => x.ReportedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Metadata).HasColumnType("jsonb");
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.AssignedTo).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ComplaintId).IsUnique().HasDatabaseName("complaints_complaint_id_key");
        b.HasIndex(x => x.Status).HasDatabaseName("idx_complaints_status");
        b.HasIndex(x => x.Purok).HasDatabaseName("idx_complaints_purok");
        b.HasIndex(x => x.AssignedTo).HasDatabaseName("idx_complaints_assigned");
        b.HasIndex(x => new { x.Purok, x.Status }).HasDatabaseName("idx_complaints_purok_status");
        b.HasIndex(x => x.ResidentId).HasDatabaseName("ix_complaints_resident_id");
        b.HasIndex(x => x.ReportedAt).HasDatabaseName("ix_complaints_reported_at");
    }
}
