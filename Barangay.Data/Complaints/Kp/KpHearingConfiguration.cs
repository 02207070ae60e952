using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Complaints.Kp;

public class KpHearingConfiguration : IEntityTypeConfiguration<KpHearing>
{
    public void Configure(EntityTypeBuilder<KpHearing> b)
    {
        b.ToTable("kp_hearings");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.Stage).IsRequired();
        b.Property(x => x.Attendees).HasColumnType("jsonb").IsRequired();
        b.Property(x => x.Minutes).HasColumnType("text").IsRequired();
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<KpCase>().WithMany().HasForeignKey(x => x.KpCaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.RecordedBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.KpCaseId, x.HeldAt }).HasDatabaseName("ix_kp_hearings_case_held");
    }
}
