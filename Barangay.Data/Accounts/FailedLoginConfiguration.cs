using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Accounts;

public class FailedLoginConfiguration : IEntityTypeConfiguration<FailedLogin>
{
    public void Configure(EntityTypeBuilder<FailedLogin> b)
    {
        b.ToTable("failed_logins");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.AttemptedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => x.AttemptedAt).IsDescending().HasDatabaseName("idx_failed_logins_time");
    }
}
