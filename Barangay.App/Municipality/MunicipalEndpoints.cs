using System.Globalization;
using Barangay.Data.Accounts.Throttling;
using Barangay.Data.Municipality;
using Barangay.Data.Municipality.Rollups;
using Barangay.Data.Reports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using static Barangay.App.Municipality.MunicipalPage;

namespace Barangay.App.Municipality;

/// <summary>
/// <c>/municipality/…</c>: sign-in, the roll-up downloads (any municipal account) and the catalogue page (municipal
/// admins). Counts only: nothing here, and nothing the municipal scheme opens, returns a resident's record.
/// </summary>
public static class MunicipalEndpoints
{
    public static void MapMunicipalEndpoints(this WebApplication app)
    {
        var open = app.MapGroup("/municipality").AllowAnonymous();
        open.MapGet("/sign-in", SignInPageAsync);
        open.MapPost("/sign-in", SignInAsync);
        open.MapGet("/forbidden", (HttpContext http) => new MunicipalPage(http, "Not for this account").Raw("<p>This page is for municipal administrators.</p>").Result(403));

        var signedIn = app.MapGroup("/municipality").RequireAuthorization(MunicipalAuth.Policy);
        signedIn.MapGet("", Home);
        signedIn.MapGet("/reports/{kind}.{format}", DownloadAsync);
        signedIn.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(MunicipalAuth.Scheme);
            return Results.Redirect("/municipality/sign-in");
        }).AddEndpointFilter(RequireFormTokenAsync);

        var admin = app.MapGroup("/municipality/barangays").RequireAuthorization(MunicipalAuth.AdminPolicy);
        admin.MapGet("", BarangaysAsync);
        admin.MapPost("", AddBarangayAsync);
        admin.MapPost("/{id:guid}/suspend", (Guid id, HttpContext http, MunicipalCatalogue catalogue) => StatusAsync(http, () => catalogue.SuspendAsync(id, Actor(http), Id(http))))
            .AddEndpointFilter(RequireFormTokenAsync);
        admin.MapPost("/{id:guid}/reactivate", (Guid id, HttpContext http, MunicipalCatalogue catalogue) => StatusAsync(http, () => catalogue.ReactivateAsync(id, Actor(http), Id(http))))
            .AddEndpointFilter(RequireFormTokenAsync);
    }

    /// <summary>
    /// The antiforgery check for the posts that bind no form field (suspend, reactivate, sign-out): form binding checks
    /// the token only where a [FromForm] value is read, so without this a page on any same-site host (another barangay's
    /// subdomain) could post them with the admin's cookie. A missing or wrong token is a plain 400.
    /// </summary>
    private static async ValueTask<object?> RequireFormTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType || !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return Results.BadRequest();
        return await next(context);
    }

    private static string Actor(HttpContext http) => MunicipalAuth.Caller(http.User).Actor;

    private static Guid Id(HttpContext http) => MunicipalAuth.Caller(http.User).AccountId;

    private static async Task<IResult> SignInPageAsync(HttpContext http, MunicipalSignIn signIn) =>
        SignInForm(http, await signIn.OfferAsync(ct: http.RequestAborted), null, "");

    /// <summary>The form carries the gate's challenge, as a barangay's sign-in does (js/altcha.js solves it while the person types).</summary>
    private static IResult SignInForm(HttpContext http, ChallengeOffer offer, string? error, string userName)
    {
        var page = new MunicipalPage(http, "Municipal sign-in");
        if (error is not null) page.Raw($"<p role=\"alert\">{E(error)}</p>");
        return page.Raw(page.Form("/municipality/sign-in",
            $"<p><label for=\"u\">Username</label><br><input id=\"u\" name=\"username\" autocomplete=\"username\" required value=\"{E(userName)}\"></p>"
            + "<p><label for=\"p\">Password</label><br><input id=\"p\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>"
            + MunicipalPage.Challenge(offer),
            "Sign in")).Raw(MunicipalPage.ChallengeScript).Result();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, [FromForm] string? username, [FromForm] string? password, MunicipalSignIn signIn)
    {
        var result = await signIn.SignInAsync(username, password, http.RequestAborted);
        if (!result.Passed) return SignInForm(http, result.Check.Next, result.Refusal ?? WrongCredentials, username ?? "");
        await http.SignInAsync(MunicipalAuth.Scheme, MunicipalAuth.Principal(result.Caller!));
        return Results.Redirect("/municipality");
    }

    /// <summary>The barangay sign-in's own words (LoginModel.WrongCredentials); a pause and a missing challenge use the gate's.</summary>
    public const string WrongCredentials = Barangay.App.Areas.Identity.Pages.Account.LoginModel.WrongCredentials;

    private static IResult Home(HttpContext http, TimeProvider clock)
    {
        var me = MunicipalAuth.Caller(http.User);
        var today = Barangay.Data.Common.TimeZones.ManilaToday(clock);
        var q = Quarter.Of(today);
        var page = new MunicipalPage(http, "Reports of the barangays");
        page.Raw($"<p>Signed in as {E(me.FullName)} ({E(me.Office)}).</p>");
        page.Raw("<h2>RBI Form C, consolidated</h2><p>The municipality's total, then each barangay.</p><form method=\"get\" action=\"/municipality/reports/form-c.pdf\">"
            + QuarterFields("fc", q) + "<button type=\"submit\">Download PDF</button> <button type=\"submit\" formaction=\"/municipality/reports/form-c.xlsx\">Download XLSX</button></form>");
        page.Raw("<h2>Population by age band and sector</h2><form method=\"get\" action=\"/municipality/reports/population.pdf\">"
            + QuarterFields("pop", q) + "<button type=\"submit\">Download PDF</button> <button type=\"submit\" formaction=\"/municipality/reports/population.xlsx\">Download XLSX</button></form>");
        page.Raw("<h2>Document issuance (RA 11032) and KP cases by barangay</h2><form method=\"get\" action=\"/municipality/reports/activity.pdf\">"
            + $"<label for=\"from\">From</label> <input id=\"from\" name=\"from\" type=\"date\" value=\"{q.First:yyyy-MM-dd}\"> "
            + $"<label for=\"to\">To</label> <input id=\"to\" name=\"to\" type=\"date\" value=\"{today:yyyy-MM-dd}\"> "
            + "<button type=\"submit\">Download PDF</button> <button type=\"submit\" formaction=\"/municipality/reports/activity.xlsx\">Download XLSX</button></form>");
        if (me.IsAdmin) page.Raw("<p><a href=\"/municipality/barangays\">Barangays of the municipality</a></p>");
        return page.Raw(page.Form("/municipality/sign-out", "", "Sign out")).Result();
    }

    private static string QuarterFields(string id, Quarter q) =>
        $"<label for=\"{id}y\">Year</label> <input id=\"{id}y\" name=\"year\" type=\"number\" min=\"2000\" max=\"2100\" value=\"{q.Year}\"> "
        + $"<label for=\"{id}q\">Quarter</label> <select id=\"{id}q\" name=\"quarter\">"
        + string.Concat(Enumerable.Range(1, 4).Select(n => $"<option value=\"{n}\"{(n == q.Number ? " selected" : "")}>{n}</option>"))
        + "</select> ";

    private static async Task<IResult> DownloadAsync(HttpContext http, string kind, string format, int? year, int? quarter, DateOnly? from, DateOnly? to,
        MunicipalRollupService rollups)
    {
        if (!MunicipalReportKinds.All.Contains(kind)) return Results.NotFound();
        var q = year is { } y && quarter is { } n ? new Quarter(y, n) : null;
        var result = await rollups.DownloadAsync(new MunicipalReportRequest(kind, format, q, from, to), Actor(http), Id(http), http.RequestAborted);
        if (!result.Ok) return new MunicipalPage(http, "Cannot make that report").Raw($"<p role=\"alert\">{E(result.Message)}</p>").Result(400);
        return Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
    }

    private static async Task<IResult> BarangaysAsync(HttpContext http, MunicipalCatalogue catalogue, string? error)
    {
        var rows = await catalogue.ListAsync(http.RequestAborted);
        var page = new MunicipalPage(http, "Barangays of the municipality");
        if (error is not null) page.Raw($"<p role=\"alert\">{E(error)}</p>");
        page.Raw("<table><thead><tr><th scope=\"col\">Barangay</th><th scope=\"col\">PSGC</th><th scope=\"col\">Host</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\">Population</th><th scope=\"col\">Last activity</th><th scope=\"col\"></th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var last = r.LastActivityAt is { } t ? Barangay.Data.Common.TimeZones.ToManila(t).ToString("MMM d, yyyy h:mm tt", CultureInfo.GetCultureInfo("en-PH")) : "none yet";
            var action = r.Status == BarangayStatuses.Active
                ? page.Form($"/municipality/barangays/{r.Id}/suspend", "", $"Suspend {r.Name}")
                : page.Form($"/municipality/barangays/{r.Id}/reactivate", "", $"Reactivate {r.Name}");
            page.Raw($"<tr><td>{E(r.Name)}</td><td>{E(r.Psgc)}</td><td>{E(r.Host)}</td><td>{E(r.Status)}</td>"
                + $"<td>{(r.Population is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "not known")}</td><td>{E(last)}{(r.Reachable ? "" : " (database not reachable)")}</td><td>{action}</td></tr>");
        }
        page.Raw("</tbody></table><h2>Add a barangay</h2>");
        return page.Raw(page.Form("/municipality/barangays",
            "<p><label for=\"n\">Name</label><br><input id=\"n\" name=\"name\" required></p>"
            + "<p><label for=\"g\">PSGC code (10 digits)</label><br><input id=\"g\" name=\"psgc\" inputmode=\"numeric\" pattern=\"[0-9]{10}\" required></p>"
            + "<p><label for=\"h\">Host name</label><br><input id=\"h\" name=\"host\" required></p>"
            + "<p><label for=\"s\">Short name (optional)</label><br><input id=\"s\" name=\"slug\"></p>"
            + "<p><label for=\"w\">Public address (optional)</label><br><input id=\"w\" name=\"publicUrl\" type=\"url\" inputmode=\"url\" placeholder=\"https://sanisidro.santamaria.gov.ph/\" aria-describedby=\"w-hint\">"
            + "<br><small id=\"w-hint\">The address residents type; every link the barangay emails or prints starts with it. https (plain http only for 127.0.0.1). Empty: this deployment's address followed by b/ and the short name.</small></p>",
            "Add barangay")).Result();
    }

    private static async Task<IResult> AddBarangayAsync(HttpContext http, [FromForm] string? name, [FromForm] string? psgc, [FromForm] string? host, [FromForm] string? slug,
        [FromForm] string? publicUrl, BarangayProvisioner provisioner)
    {
        var created = await provisioner.CreateAsync(new NewBarangay(name ?? "", psgc ?? "", host ?? "", slug, PublicUrl: publicUrl), Actor(http), Id(http), http.RequestAborted);
        return created.Ok
            ? Results.Redirect("/municipality/barangays")
            : Results.Redirect("/municipality/barangays?error=" + Uri.EscapeDataString(created.Message ?? "Not added."));
    }

    private static async Task<IResult> StatusAsync(HttpContext http, Func<Task<Barangay.Data.Common.ServiceResult<CatalogueRow>>> change)
    {
        var result = await change();
        return result.Ok ? Results.Redirect("/municipality/barangays") : Results.NotFound();
    }
}
