using Barangay.Data.Files;

namespace Barangay.App.Hosting;

public static class FileServices
{
    /// <summary>The file store from the <c>Storage</c> section (local disk under <c>&lt;DataRoot&gt;/files</c> unless S3 is chosen).</summary>
    public static TBuilder AddFiles<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = new FileStorageOptions();
        builder.Configuration.GetSection("Storage").Bind(options);
        builder.Services.AddBarangayFiles(options);
        return builder;
    }
}
