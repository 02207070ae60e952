using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Barangay.Data.Documents.Verification;

public class CertificateSigningKeyConfiguration : IEntityTypeConfiguration<CertificateSigningKey>
{
    public void Configure(EntityTypeBuilder<CertificateSigningKey> b)
    {
        b.ToTable("certificate_signing_keys");
        b.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        b.Property(x => x.KeyId).IsRequired();
        b.Property(x => x.PublicKey).IsRequired();
        b.Property(x => x.PrivateKey).IsRequired();
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => x.KeyId).IsUnique().HasDatabaseName("certificate_signing_keys_key_id_key");
    }
}
