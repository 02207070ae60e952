using Barangay.Data.Localization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Barangay.App.Localization;

/// <summary>
/// English (en-PH) and Filipino (fil-PH). The language of a request is, in order: the signed-in person's account,
/// the language cookie, the browser's Accept-Language, the barangay's default setting, English.
/// </summary>
public static class LocalizationSetup
{
    public static void AddBarangayLocalization(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<LanguagePreferences>();
        services.AddScoped<UiLanguage>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(TextsLocalizer<>));
        services.AddScoped<CircuitHandler, CultureCircuitHandler>();
        // MudBlazor's own texts (pager, grid menus, pickers) from the same catalogue; AddMudServices only TryAdds its own.
        services.AddTransient<MudBlazor.MudLocalizer, CatalogueMudLocalizer>();
        // Identity's reset and confirmation emails in the recipient's language (a closed registration wins over the stock open one).
        services.AddTransient<Microsoft.AspNetCore.Identity.IEmailSender<Barangay.Data.Accounts.User>, Barangay.App.Accounts.ReaderIdentityEmails>();
        // The account pages' [Required(ErrorMessage = "...")] and [Display(Name = "...")] texts come from the same catalogue.
        services.AddMvcCore().AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, _) => new RequestTextsLocalizer());
    }

    public static RequestLocalizationOptions Options()
    {
        var cultures = AppLanguages.All.Select(AppLanguages.Culture).ToList();
        var o = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(AppLanguages.EnglishCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        o.RequestCultureProviders.Clear();
        o.RequestCultureProviders.Add(new AccountLanguageProvider());
        o.RequestCultureProviders.Add(new CookieRequestCultureProvider());
        o.RequestCultureProviders.Add(new BrowserLanguageProvider());
        o.RequestCultureProviders.Add(new BarangayDefaultLanguageProvider());
        return o;
    }

    /// <summary>After authentication (the account's language needs the user), before the pages.</summary>
    public static void UseBarangayLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(Options());
        LanguageEndpoints.Map(app);
    }
}
