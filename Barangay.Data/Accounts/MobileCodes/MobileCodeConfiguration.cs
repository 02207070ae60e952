using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Accounts.MobileCodes;

public class MobileCodeConfiguration : IEntityTypeConfiguration<MobileCode>
{
    public void Configure(EntityTypeBuilder<MobileCode> b)
    {
        b.ToTable("mobile_codes");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.PhoneNumber).IsRequired().HasMaxLength(16);
        b.Property(x => x.Purpose).IsRequired().HasMaxLength(20);
        b.Property(x => x.CodeHash).IsRequired();
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.WrongAttempts).HasDefaultValue(0);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PhoneNumber, x.Purpose, x.CreatedAt }).HasDatabaseName("ix_mobile_codes_number_purpose_created");
        b.HasIndex(x => new { x.IpAddress, x.CreatedAt }).HasDatabaseName("ix_mobile_codes_ip_created");
    }
}
