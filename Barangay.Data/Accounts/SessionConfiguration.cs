using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Accounts;

public class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.SessionToken).IsRequired();
        b.Property(x => x.IssuedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Revoked).HasDefaultValue(false);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SessionToken).IsUnique().HasDatabaseName("sessions_session_token_key");
        b.HasIndex(x => x.UserId).HasDatabaseName("idx_sessions_user");
    }
}
