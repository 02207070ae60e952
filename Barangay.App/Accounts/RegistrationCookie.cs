using Microsoft.AspNetCore.DataProtection;

namespace Barangay.App.Accounts;

/// <summary>
/// Proof, for two hours, that this browser submitted a registration or gave its reference number and password, so
/// its status page and "withdraw" need no secret in the address (addresses end up in logs).
/// </summary>
public sealed class RegistrationCookie(IDataProtectionProvider protection)
{
    public const string Name = "barangay.registration";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Barangay.Registration.Status").ToTimeLimitedDataProtector();

    public void Set(HttpResponse response, Guid registrationId) =>
        response.Cookies.Append(Name, _protector.Protect(registrationId.ToString("N"), Lifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = response.HttpContext.Request.IsHttps, Path = "/Identity/Account",
            MaxAge = Lifetime, IsEssential = true,
        });

    public Guid? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(value), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
