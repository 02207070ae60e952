using Barangay.Data.Accounts;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Documents;

public class DocumentRequestConfiguration : IEntityTypeConfiguration<DocumentRequest>
{
    public void Configure(EntityTypeBuilder<DocumentRequest> b)
    {
        b.ToTable("document_requests");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.RequestId).IsRequired();
        b.Property(x => x.Type).IsRequired();
        b.Property(x => x.Status).IsRequired().HasDefaultValue(DocumentRequestStatuses.Submitted);
        b.Property(x => x.Metadata).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        b.Property(x => x.Attachments).HasColumnType("jsonb");
        b.Property(x => x.PaymentInfo).HasColumnType("jsonb");
        b.Property(x => x.SubmittedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.ProcessedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RequestId).IsUnique().HasDatabaseName("document_requests_request_id_key");
        b.HasIndex(x => x.ResidentId).HasDatabaseName("idx_docreq_resident");
        b.HasIndex(x => x.Status).HasDatabaseName("idx_docreq_status");
        b.HasIndex(x => new { x.Purok, x.Status }).HasDatabaseName("idx_docreq_purok_status");
        // The hall's queue: a status (and purok), oldest deadline first; overdue is due_at < now.
        b.HasIndex(x => new { x.Status, x.DueAt }).HasDatabaseName("idx_docreq_status_due");
        b.HasIndex(x => new { x.Purok, x.Status, x.DueAt }).HasDatabaseName("idx_docreq_purok_status_due");
    }
}
