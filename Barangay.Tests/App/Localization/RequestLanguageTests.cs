using System.Security.Claims;
using Barangay.App.Localization;
using Barangay.Data.Localization;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Barangay.Tests.App.Localization;

/// <summary>Which language a request gets: the account, then the cookie, then the browser, then the barangay's default, then English.</summary>
public class RequestLanguageTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private TestServices _services = null!;
    private Guid _juan;

    public async Task InitializeAsync()
    {
        _services = new TestServices(database.AppConnectionString, s => s.AddSingleton<LanguagePreferences>());
        await using var db = await _services.DbAsync();
        _juan = await db.Users.Where(u => u.UserName == "juan").Select(u => u.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<string> LanguageOfAsync(string? acceptLanguage = null, string? cookie = null, bool signedInAsJuan = false)
    {
        var http = new DefaultHttpContext { RequestServices = _services.Scope.ServiceProvider };
        if (acceptLanguage is not null) http.Request.Headers.AcceptLanguage = acceptLanguage;
        if (cookie is not null) http.Request.Headers.Cookie = $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(LanguageEndpoints.CookieValue(cookie))}";
        if (signedInAsJuan)
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _juan.ToString())], "test"));
        string? seen = null;
        var middleware = new RequestLocalizationMiddleware(_ =>
        {
            seen = http.Features.Get<IRequestCultureFeature>()!.RequestCulture.UICulture.Name;
            return Task.CompletedTask;
        }, Options.Create(LocalizationSetup.Options()), NullLoggerFactory.Instance);
        await middleware.Invoke(http);
        return seen!;
    }

    private async Task SetAsync(string? juanPrefers, string? barangayDefault)
    {
        await using var db = await _services.DbAsync();
        await db.Users.Where(u => u.Id == _juan).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, juanPrefers));
        await db.AppSettings.Where(s => s.Key == LanguagePreferences.DefaultLanguageKey).ExecuteDeleteAsync();
        if (barangayDefault is not null)
        {
            db.AppSettings.Add(new Barangay.Data.Settings.AppSetting { Key = LanguagePreferences.DefaultLanguageKey, Value = $"\"{barangayDefault}\"" });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Language_FollowsAccountThenCookieThenBrowserThenBarangayThenEnglish()
    {
        await SetAsync(juanPrefers: AppLanguages.English, barangayDefault: AppLanguages.Filipino);

        (await LanguageOfAsync(acceptLanguage: "fil", cookie: AppLanguages.Filipino, signedInAsJuan: true)).Should().Be("en-PH", "the account's choice follows the person to every device");
        (await LanguageOfAsync(acceptLanguage: "en-US", cookie: AppLanguages.Filipino)).Should().Be("fil-PH", "the cookie is this device's choice");
        (await LanguageOfAsync(acceptLanguage: "fil,en;q=0.8")).Should().Be("fil-PH");
        (await LanguageOfAsync(acceptLanguage: "tl-PH")).Should().Be("fil-PH", "older phones call Filipino Tagalog");
        (await LanguageOfAsync(acceptLanguage: "en-US,en;q=0.9")).Should().Be("en-PH");
        (await LanguageOfAsync(acceptLanguage: "ja-JP")).Should().Be("fil-PH", "a browser naming neither language gets the barangay's default");
    }

    [Fact]
    public async Task Language_NoChoiceAnywhere_IsEnglish()
    {
        await SetAsync(juanPrefers: null, barangayDefault: null);

        (await LanguageOfAsync(signedInAsJuan: true)).Should().Be("en-PH");
        (await LanguageOfAsync(acceptLanguage: "ja-JP")).Should().Be("en-PH");
    }
}
