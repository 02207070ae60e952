using System.Net;
using System.Text.RegularExpressions;
using Barangay.App.Accounts.RateLimits;
using Barangay.Tests.Infrastructure;
using Npgsql;

namespace Barangay.Tests.EndToEnd;

/// <summary>
/// Pages that send mail are rate-limited per target address and per client (issue 19, item 11), over HTTP against
/// an app of its own with the shipped limits (the shared end-to-end app has them raised, all its browsers being 127.0.0.1).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public partial class MailRateLimitTests(EndToEndFixture e2e)
{
    private async Task<object?> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var conn = new NpgsqlConnection(e2e.Database.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddRange(parameters);
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task ForgotPassword_FloodedForOneAddress_SendsThree_ThenAPersonReadablePage_AndOneClientIsCappedToo()
    {
        await using var app = await AppProcess.StartAsync(e2e.Database.AppConnectionString);
        var email = (string)(await ScalarAsync("SELECT email FROM users WHERE username = 'kgd.ocampo'"))!;
        // Counted before and after rather than by time: the app stamps its emails on the suite's clock (BARANGAY_TEST_NOW), not the database's.
        const string queuedToThem = "SELECT count(*) FROM email_queue WHERE lower(to_email) = lower(@e)";
        var before = (long)(await ScalarAsync(queuedToThem, new NpgsqlParameter("e", email)))!;
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        var form = await http.GetStringAsync("/Identity/Account/ForgotPassword");
        var token = Token().Match(form).Groups[1].Value;
        token.Should().NotBeEmpty();
        Task<HttpResponseMessage> AskAsync(string address) => http.PostAsync("/Identity/Account/ForgotPassword",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = address, ["__RequestVerificationToken"] = token }));

        var defaults = new MailLimitOptions();
        for (var i = 0; i < defaults.PerTarget; i++)
            (await AskAsync(email)).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        var refused = await AskAsync(email.ToUpperInvariant());
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the same address, however it is written");
        refused.Headers.RetryAfter.Should().NotBeNull();
        var page = await refused.Content.ReadAsStringAsync();
        page.Should().Contain(TooManyPage.Heading).And.Contain("please wait about");

        // Only the three emails were queued (in the request, before it answered).
        ((long)(await ScalarAsync(queuedToThem, new NpgsqlParameter("e", email)))! - before).Should().Be(defaults.PerTarget);

        // One client asking for many different addresses is capped as well (the refused request took nothing).
        var sent = defaults.PerTarget;
        var n = 0;
        while (sent < defaults.PerClient)
        {
            (await AskAsync($"nobody{n++}@flood.example")).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, $"request {sent + 1} from this client");
            sent++;
        }
        (await AskAsync("one.more@flood.example")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
