using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Accounts;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.UserName).HasColumnName("username").IsRequired();
        b.Property(x => x.NormalizedUserName).HasColumnName("normalized_username");
        b.Property(x => x.Email).HasColumnName("email");
        b.Property(x => x.PasswordHash).HasColumnName("password_hash");
        b.Property(x => x.TwoFactorEnabled).HasColumnName("mfa_enabled").HasDefaultValue(false);
        b.Property(x => x.FullName).IsRequired();
        b.Property(x => x.Roles).HasColumnType("text[]").IsRequired().HasDefaultValueSql("ARRAY['resident']::text[]");
        b.Property(x => x.Status).IsRequired().HasDefaultValue(UserStatuses.Active);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.PreferredLanguage).HasMaxLength(10);

        b.HasIndex(x => x.UserName).IsUnique().HasDatabaseName("users_username_key");
        b.HasIndex(x => x.Email).IsUnique().HasDatabaseName("users_email_key");
        b.HasIndex(x => x.NormalizedUserName).IsUnique().HasDatabaseName("ix_users_normalized_username");
        b.HasIndex(x => x.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
        b.HasIndex(x => x.Roles).HasMethod("gin").HasDatabaseName("ix_users_roles");
        b.HasQueryFilter(x => x.DeletedAt == null);
    }
}
