using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Data.Security;

/// <summary>
/// Carries the <see cref="ColumnCipher"/> in a context's options, so the model's converters use the key ring of the host
/// that opened the context. The model is cached per key source (<see cref="ColumnModelCacheKeyFactory"/>), not once per
/// process: a test host with its own keys never reads with another host's.
/// </summary>
public sealed class ColumnEncryptionExtension(ColumnCipher cipher) : IDbContextOptionsExtension
{
    public ColumnCipher Cipher { get; } = cipher;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ColumnEncryptionExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "ColumnEncryption ";

        // The cipher changes only the model (keyed by the cache key factory), not EF's internal services.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["ColumnEncryption:KeySource"] = ((ColumnEncryptionExtension)Extension).Cipher.Identity.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One model per context type and key source.</summary>
public sealed class ColumnModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, context.GetService<IDbContextOptions>().FindExtension<ColumnEncryptionExtension>()?.Cipher.Identity);
}

public static class ColumnEncryptionOptions
{
    /// <summary>Encrypts the columns of <see cref="EncryptedColumns"/> with <paramref name="cipher"/>.</summary>
    public static DbContextOptionsBuilder UseColumnEncryption(this DbContextOptionsBuilder builder, ColumnCipher cipher)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ColumnEncryptionExtension(cipher));
        return builder.ReplaceService<IModelCacheKeyFactory, ColumnModelCacheKeyFactory>();
    }
}
