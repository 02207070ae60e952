using Barangay.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Audit;

public class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> b)
    {
        b.ToTable("audit_logs");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.Timestamp).HasDefaultValueSql("now()");
        b.Property(x => x.ActionType).IsRequired();
        b.Property(x => x.Details).HasColumnType("jsonb");
        b.Property(x => x.Immutable).HasDefaultValue(true);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.ActorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ActorUserId).HasDatabaseName("idx_audit_actor");
        b.HasIndex(x => x.Timestamp).IsDescending().HasDatabaseName("idx_audit_time");
        b.HasIndex(x => new { x.TargetType, x.TargetId }).HasDatabaseName("ix_audit_logs_target");
    }
}
