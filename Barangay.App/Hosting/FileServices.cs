using Barangay.Data.Files;

namespace Barangay.App.Hosting;

public static class FileServices
{
    /// <summary>The file store from the <c>Storage</c> section (local disk under <c>&lt;DataRoot&gt;/files</c> unless S3 is chosen).</summary>
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        var options = new FileStorageOptions();
        builder.Configuration.GetSection("Storage").Bind(options);
        builder.Services.AddBarangayFiles(options);
        return builder;
    }
}
