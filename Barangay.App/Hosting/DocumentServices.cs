using Barangay.Data.Documents;
using Barangay.Data.Files;

namespace Barangay.App.Hosting;

/// <summary>Document requests, certificates (PDF and the public verification), the collection report.</summary>
public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration config)
    {
        var key = config["Documents:VerifyKey"];
        services.AddSingleton(sp => new CertificateCodes(sp.GetRequiredService<FileStorageOptions>(), key));
        services.AddScoped<DocumentRequestService>();
        services.AddScoped<CertificateImages>();
        services.AddScoped<CertificateTemplateService>();
        return services;
    }
}
