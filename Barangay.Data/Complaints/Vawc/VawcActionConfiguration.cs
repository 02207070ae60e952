using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Complaints.Vawc;

public class VawcActionConfiguration : IEntityTypeConfiguration<VawcAction>
{
    public void Configure(EntityTypeBuilder<VawcAction> b)
    {
        b.ToTable("vawc_actions");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.Kind).IsRequired();
        b.Property(x => x.Notes).HasColumnType("text");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ComplaintId, x.At }).HasDatabaseName("ix_vawc_actions_complaint_at");
    }
}
