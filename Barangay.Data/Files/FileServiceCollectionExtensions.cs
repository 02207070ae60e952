using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Data.Files;

public static class FileServiceCollectionExtensions
{
    /// <summary>The file store named by <see cref="FileStorageOptions.Provider"/>, its keys and <see cref="FileService"/>.</summary>
    public static IServiceCollection AddBarangayFiles(this IServiceCollection services, FileStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataRoot)) options.DataRoot = FileStorageOptions.DefaultDataRoot(AppContext.BaseDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<FileKeyRing>();
        services.AddSingleton<FileLinkSigner>();
        if (string.Equals(options.Provider, "S3", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IFileStore>(_ => new S3FileStore(options.S3));
        else if (string.Equals(options.Provider, "Local", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IFileStore, LocalFileStore>();
        else
            throw new InvalidOperationException($"Storage:Provider must be Local or S3, not '{options.Provider}'.");
        services.AddScoped<FileService>();
        services.AddSingleton<GeneratedFiles>();
        return services;
    }
}
