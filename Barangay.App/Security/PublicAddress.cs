using Barangay.Data.Common;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Barangay.App.Security;

/// <summary>
/// Where the app says it lives: <c>PublicBaseUrl</c> (every link it emails or prints) and <c>AllowedHosts</c> (the
/// Host headers it answers; anything else is a 400 before any page runs). Both are checked when the web host starts,
/// so a misconfigured deployment stops with the reason instead of mailing links to wherever a request claimed to be.
/// </summary>
public static class PublicAddress
{
    public static WebApplicationBuilder AddPublicAddress(this WebApplicationBuilder b)
    {
        b.Services.AddOptions<PublicAddressOptions>().Bind(b.Configuration).ValidateOnStart();
        b.Services.AddSingleton<IValidateOptions<PublicAddressOptions>>(new PublicAddressValidator(b.Environment.IsProduction()));
        // On a deployment of several barangays, each one's links start with its own address (PublicLinks, TenancyOptions).
        b.Services.AddSingleton(sp => new PublicLinks(new Uri(sp.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicBaseUrl!.Trim()),
            sp.GetService<Barangay.Data.Tenancy.TenancyOptions>()?.RequireBarangay == true));
        // Url.Page(..., protocol: …) in any page (the stock Identity pages included) builds on PublicBaseUrl, not on the request.
        b.Services.Replace(ServiceDescriptor.Singleton<IUrlHelperFactory, PublicUrlHelperFactory>());
        return b;
    }
}
