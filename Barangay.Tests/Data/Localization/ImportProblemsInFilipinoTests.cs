using System.Text;
using Barangay.Data.Files;
using Barangay.Data.Imports;
using Barangay.Data.Localization;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Imports;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Localization;

/// <summary>
/// An import's row problems are read by the official who committed it. The job that checks the rows again has no page's
/// culture, so the language is recorded when the import is queued and the job words the problems in it.
/// </summary>
public class ImportProblemsInFilipinoTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ImportTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new ImportTestHost(database.AppConnectionString);
        await _host.Services.SignInAsAsync(DemoAccounts.AdminUser);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private const string Csv = "Apelyido,Pangalan,Kaarawan,Kasarian,Purok\r\n"
        + "Importeddlf,Testadlf,1990-03-15,F,Purok 1\r\n"
        + "Lopez,Maria,1990-03-15,F,Purok 99\r\n"          // row 3: unknown purok
        + "Lopez,Marco,03/04/1990,M,Purok 1\r\n";          // row 4: ambiguous date

    [Fact]
    public async Task CommittedInFilipino_JobRunsWithoutCulture_RowProblemsAndReportFileAreFilipino()
    {
        Guid id;
        using (LanguageScope.Use(AppLanguages.Filipino))
        {
            id = await _host.UploadAsync(Csv);
            (await _host.Imports.GetAsync(id))!.Preview!.Errors.Single(e => e.Row == 3).Message
                .Should().Be("Ang purok na \"Purok 99\" ay wala sa mga purok ng barangay.", "the preview is made on the official's page");
            (await _host.Imports.CommitAsync(id)).Ok.Should().BeTrue();
        }
        // The job runs on a worker thread in English, as Hangfire's do.
        using (LanguageScope.Use(AppLanguages.English)) await _host.Job().RunAsync(id, CancellationToken.None);

        var done = (await _host.Imports.GetAsync(id))!;
        done.Status.Should().Be(ImportStatuses.Completed);
        var report = Encoding.UTF8.GetString((await _host.Services.Get<FileService>().ReadAsync(Guid.Parse(done.ReportLink!["/files/".Length..]))).Content!);
        report.Should().StartWith("\uFEFFHilera,Mga dahilan,Apelyido");
        report.Should().Contain("Ang purok na \"\"Purok 99\"\" ay wala sa mga purok ng barangay.");
        report.Should().Contain("Malabo ang petsa ng kapanganakan na \"\"03/04/1990\"\": maaaring 4 Marso 1990 ito o 3 Abril 1990.");
    }

    [Fact]
    public async Task CommittedInEnglish_RowProblemsStayEnglish()
    {
        Guid id;
        using (LanguageScope.Use(AppLanguages.English))
        {
            id = await _host.UploadAsync(Csv.Replace("dlf", "dlg"));
            (await _host.Imports.CommitAsync(id)).Ok.Should().BeTrue();
        }
        using (LanguageScope.Use(AppLanguages.Filipino)) await _host.Job().RunAsync(id, CancellationToken.None);
        var done = (await _host.Imports.GetAsync(id))!;
        var report = Encoding.UTF8.GetString((await _host.Services.Get<FileService>().ReadAsync(Guid.Parse(done.ReportLink!["/files/".Length..]))).Content!);
        report.Should().StartWith("\uFEFFRow,Reasons,Apelyido").And.Contain("Purok \"\"Purok 99\"\" is not one of the barangay's puroks.");
    }
}
