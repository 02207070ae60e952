using System.Security.Claims;
using Barangay.Data.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Barangay.App.Localization;

/// <summary>First: the language kept on a signed-in person's account, so it follows them to every device.</summary>
public sealed class AccountLanguageProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (httpContext.User.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(httpContext.User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId)) return null;
        var prefs = httpContext.RequestServices.GetRequiredService<LanguagePreferences>();
        var code = await prefs.ForUserAsync(userId, httpContext.RequestAborted);
        return code is null ? null : new ProviderCultureResult(code);
    }
}

/// <summary>
/// Third: the browser's Accept-Language, best quality first. Browsers send "fil" (or "tl" on older phones) rather
/// than "fil-PH", and "en-US" rather than "en-PH"; the stock provider would match neither to our cultures.
/// </summary>
public sealed class BrowserLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var langs)) return NullProviderCultureResult;
        var best = langs
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => AppLanguages.Match(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return Task.FromResult(best is null ? null : new ProviderCultureResult(best));
    }
}

/// <summary>Last: the barangay's default language (settings), for a first visit from a browser that names neither language.</summary>
public sealed class BarangayDefaultLanguageProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var prefs = httpContext.RequestServices.GetRequiredService<LanguagePreferences>();
        var code = await prefs.BarangayDefaultAsync(httpContext.RequestAborted);
        return code is null ? null : new ProviderCultureResult(code);
    }
}
