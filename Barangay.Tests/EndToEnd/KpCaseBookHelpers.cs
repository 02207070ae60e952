using System.Text.RegularExpressions;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Barangay.Tests.EndToEnd;

/// <summary>What the KP end-to-end cases share: the printed forms read back, and the parties' days passing.</summary>
internal static class KpCaseBookHelpers
{
    /// <summary>
    /// The form as the hall prints it, saved under test-results/screenshots, with its text (white space removed, as
    /// PdfPig joins the drawn words) and its page count.
    /// </summary>
    public static async Task<(string Text, int Pages)> PrintAsync(IPage page, string caseId, string slug, string name)
    {
        var response = await page.Context.APIRequest.GetAsync($"/complaints/kp/{caseId}/{slug}.pdf");
        response.Status.Should().Be(200, $"the {slug} form exists at this step");
        response.Headers["content-type"].Should().Be("application/pdf");
        var bytes = await response.BodyAsync();
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"kp-{name}-{slug}.pdf"), bytes);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return (Regex.Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), @"\s", ""), pdf.NumberOfPages);
    }

    /// <summary>Asserts a printed form: its KP number, the case number, the date line and the signatories (names and offices), in the case's language.</summary>
    public static async Task FormAsync(IPage page, string caseId, string slug, string name, string? number, bool filipino, params string[] signed)
    {
        var (text, pages) = await PrintAsync(page, caseId, slug, name);
        pages.Should().Be(1);
        if (number is not null) text.Should().Contain(Squeeze((filipino ? "Pormularyo ng KP Blg. " : "KP Form No. ") + number));
        text.Should().Contain(Squeeze(filipino ? "Usaping Barangay Blg. KP-" : "Barangay Case No. KP-"));
        text.Should().Contain(Squeeze(filipino ? "Ginawa ngayong ika-" : "Done this"));
        foreach (var s in signed) text.Should().Contain(Squeeze(s), $"the {slug} form is signed by {s}");
    }

    public static string Squeeze(string s) => Regex.Replace(s, @"\s", "");

    /// <summary>
    /// The parties' days pass: every date of the case (and its hearings) moves <paramref name="days"/> into the past, as
    /// if it had happened that much earlier (the app runs on the suite's clock, which the browser cannot move).
    /// </summary>
    public static async Task PassDaysAsync(string connectionString, string caseId, int days)
    {
        await using var services = new TestServices(connectionString);
        await using var db = await services.DbAsync();
        var id = Guid.Parse(caseId);
        var shift = TimeSpan.FromDays(days);
        string[] columns =
        [
            "filed_at", "summons_due_at", "summons_issued_at", "mediation_started_at", "mediation_due_at", "mediation_failed_at", "pangkat_due_at",
            "pangkat_constituted_at", "conciliation_due_at", "outcome_at", "repudiation_due_at", "repudiated_at", "certificate_issued_at",
            "pangkat_convened_at", "arbitration_agreed_at", "arbitration_repudiation_due_at", "award_due_at", "execution_due_at", "execution_moved_at",
            "executed_at", "transmittal_due_at", "transmitted_at", "next_due_at",
        ];
        var set = string.Join(", ", columns.Select(c => $"{c} = {c} - {{0}}"));
#pragma warning disable EF1002 // the column names are this test's constants; the values are parameters
        (await db.Database.ExecuteSqlRawAsync($"UPDATE kp_cases SET {set} WHERE id = {{1}}", shift, id)).Should().Be(1);
        await db.Database.ExecuteSqlRawAsync("UPDATE kp_hearings SET held_at = held_at - {0} WHERE kp_case_id = {1}", shift, id);
#pragma warning restore EF1002
    }
}
