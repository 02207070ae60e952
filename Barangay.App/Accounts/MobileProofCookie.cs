using Microsoft.AspNetCore.DataProtection;

namespace Barangay.App.Accounts;

/// <summary>
/// Proof, for 30 minutes, that this browser typed the code texted to a mobile number (purpose "registration"), so the
/// registration form can take that number without an email address. Protected and HttpOnly; it holds only the number.
/// </summary>
public sealed class MobileProofCookie(IDataProtectionProvider protection)
{
    public const string Name = "barangay.mobile";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Barangay.Registration.Mobile").ToTimeLimitedDataProtector();

    public void Set(HttpResponse response, string number) =>
        response.Cookies.Append(Name, _protector.Protect(number, Lifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = response.HttpContext.Request.IsHttps, Path = "/Identity/Account",
            MaxAge = Lifetime, IsEssential = true,
        });

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, new CookieOptions { Path = "/Identity/Account" });

    /// <summary>The proved number (+63 form), or null.</summary>
    public string? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1024) return null;
        try
        {
            return Barangay.Data.Sms.SmsText.NormalizeNumber(_protector.Unprotect(value));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
