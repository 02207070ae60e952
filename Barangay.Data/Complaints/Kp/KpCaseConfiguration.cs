using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Complaints.Kp;

public class KpCaseConfiguration : IEntityTypeConfiguration<KpCase>
{
    public void Configure(EntityTypeBuilder<KpCase> b)
    {
        b.ToTable("kp_cases");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.CaseNo).IsRequired();
        b.Property(x => x.Respondents).HasColumnType("jsonb").IsRequired();
        b.Property(x => x.PangkatMembers).HasColumnType("jsonb");
        b.Property(x => x.Stage).IsRequired().HasDefaultValue(KpStages.Mediation);
        b.Property(x => x.OutcomeTerms).HasColumnType("text");
        b.Property(x => x.RepudiationReason).HasColumnType("text");
        b.Property(x => x.Intake).HasColumnType("jsonb").IsRequired().HasDefaultValueSql("'{}'::jsonb");
        b.Property(x => x.Language).IsRequired().HasDefaultValue(KpLanguages.English);
        b.Property(x => x.Pangkat).HasColumnType("jsonb");
        b.Property(x => x.Acts).HasColumnType("jsonb").IsRequired().HasDefaultValueSql("'[]'::jsonb");
        b.Property(x => x.ExecutionNotes).HasColumnType("text");
        b.Property(x => x.Nature).IsRequired().HasDefaultValue(KpNatures.Others);
        b.Property(x => x.Absences).HasColumnType("jsonb").IsRequired().HasDefaultValueSql("'[]'::jsonb");
        b.Property(x => x.Witnesses).HasColumnType("jsonb").IsRequired().HasDefaultValueSql("'[]'::jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ComplaintId).IsUnique().HasDatabaseName("ux_kp_cases_complaint_id");
        b.HasIndex(x => x.CaseNo).IsUnique().HasDatabaseName("ux_kp_cases_case_no");
        b.HasIndex(x => new { x.Stage, x.FiledAt }).HasDatabaseName("ix_kp_cases_stage_filed");
        b.HasIndex(x => new { x.NextDueAt, x.FiledAt }).HasDatabaseName("ix_kp_cases_next_due");
    }
}
