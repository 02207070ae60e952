using Barangay.Data.Accounts.Throttling;
using Microsoft.AspNetCore.DataProtection;

namespace Barangay.App.Accounts;

/// <summary>
/// The attempt in hand, read from the request: the connection's address (the real client once forwarded headers
/// from the configured proxies are applied), the browser, the solved challenge in the form's <c>altcha</c> field,
/// and the accounts this browser has signed in to before: a protected, HttpOnly cookie holding at most five account
/// names, written after a right password. The cookie is what lets the real owner in while someone else's guesses
/// have paused the account (see <see cref="SignInThrottle"/>); holding it proves nothing but a past right password.
/// </summary>
public sealed class HttpPasswordAttempts(IHttpContextAccessor http, IDataProtectionProvider protection, TimeProvider clock) : IPasswordAttemptSource
{
    public const string CookieName = "barangay.known";
    private const int MaxAccounts = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);
    private readonly IDataProtector _protector = protection.CreateProtector("Barangay.SignIn.KnownBrowser");

    public PasswordAttempt Current
    {
        get
        {
            var ctx = http.HttpContext;
            if (ctx is null) return PasswordAttempt.Nobody;
            var solution = ctx.Request.HasFormContentType ? ctx.Request.Form[ProofOfWork.FieldName].ToString() : null;
            return new PasswordAttempt(ctx.Connection.RemoteIpAddress?.ToString(), ctx.Request.Headers.UserAgent.ToString(), solution, Known(ctx.Request));
        }
    }

    public void RememberAccount(string accountKey)
    {
        var ctx = http.HttpContext;
        if (ctx is null || ctx.Response.HasStarted) return;
        var known = Known(ctx.Request).Where(k => k != accountKey).Prepend(accountKey).Take(MaxAccounts);
        ctx.Response.Cookies.Append(CookieName, _protector.Protect(string.Join('\n', known)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = ctx.Request.IsHttps, Path = "/",
            Expires = clock.GetUtcNow().Add(Lifetime), IsEssential = true,
        });
    }

    private HashSet<string> Known(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 4096) return [];
        try
        {
            return [.. _protector.Unprotect(value).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }
}
