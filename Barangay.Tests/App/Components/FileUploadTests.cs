using Barangay.App.Components.Shared;
using Barangay.Data;
using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>The shared upload control over the real <see cref="FileService"/> and a demo database.</summary>
public class FileUploadTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestCaller _caller = new();
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-upload-" + Guid.NewGuid().ToString("N")[..8]);

    public FileUploadTests(DemoDatabase database)
    {
        Services.AddLogging();
        Services.AddBarangayData(database.AppConnectionString, new DatabaseOptions());
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = _dataRoot });
        Services.AddSingleton<ICurrentUser>(_caller);
        Services.AddScoped<BarangayDb>();
        // The app's localizer (the one catalogue), so a Filipino page reads Filipino.
        Services.AddTransient(typeof(Microsoft.Extensions.Localization.IStringLocalizer<>), typeof(Barangay.App.Localization.TextsLocalizer<>));
        Services.AddScoped<Barangay.App.Localization.UiLanguage>();
    }

    private async Task SignInAsJuanAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        var juan = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoAccounts.ResidentUser);
        _caller.Current = TestCaller.As(juan.Id, juan.FullName, juan.Roles);
    }

    [Fact]
    public async Task Upload_ExeRenamedPdf_ShowsWhyAndReturnsNothing()
    {
        await SignInAsJuanAsync();
        var uploaded = new List<StoredFileInfo>();
        var cut = Render<FileUpload>(p => p
            .Add(x => x.Allowed, FileKinds.Documents)
            .Add(x => x.Sensitivity, FileSensitivity.ComplaintAttachment)
            .Add(x => x.OnUploaded, files => uploaded.AddRange(files)));
        cut.WaitForAssertion(() => cut.Find(".file-upload-hint").TextContent.Should().Be("PDF, JPEG or PNG files, up to 10 MB"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.WindowsProgram, "resibo.pdf"));

        cut.WaitForAssertion(() => cut.Find(".file-upload-refusal").TextContent
            .Should().Be("resibo.pdf: This file is not a PDF: its content looks like a Windows program."));
        uploaded.Should().BeEmpty();
        Directory.Exists(Path.Combine(_dataRoot, "files")).Should().BeFalse();
    }

    /// <summary>Issue 26: the hint ("PDF, JPEG or PNG") and the refusal were English on a Filipino page.</summary>
    [Fact]
    public async Task Upload_OnAFilipinoPage_HintAndRefusalAreFilipino()
    {
        await SignInAsJuanAsync();
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        var cut = Render<FileUpload>(p => p
            .Add(x => x.Allowed, FileKinds.Documents)
            .Add(x => x.Sensitivity, FileSensitivity.ComplaintAttachment)
            .Add(x => x.Multiple, true));
        cut.WaitForAssertion(() => cut.Find(".file-upload-hint").TextContent.Should().Be("Mga file na PDF, JPEG o PNG, hanggang 10 MB"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.WindowsProgram, "resibo.pdf"),
            InputFileContent.CreateFromBinary(SampleFiles.Pdf, "resibo.exe"));

        cut.WaitForAssertion(() => cut.FindAll(".file-upload-refusal").Select(r => r.TextContent).Should().Equal(
            "resibo.pdf: Hindi PDF ang file na ito: mukhang Windows program ang laman nito.",
            "resibo.exe: PDF, JPEG o PNG na file lang ang puwedeng i-upload dito. Nagtatapos sa .exe ang pangalan ng file na ito."));
    }

    [Fact]
    public async Task Upload_Png_ReturnsTheStoredFileToTheParent()
    {
        await SignInAsJuanAsync();
        var uploaded = new List<StoredFileInfo>();
        var cut = Render<FileUpload>(p => p
            .Add(x => x.Allowed, FileKinds.Images)
            .Add(x => x.Sensitivity, FileSensitivity.Photo)
            .Add(x => x.OnUploaded, files => uploaded.AddRange(files)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(SampleFiles.Png, "Larawan ni Niño.png"));

        cut.WaitForAssertion(() => uploaded.Should().ContainSingle());
        uploaded[0].FileName.Should().Be("Larawan ni Niño.png");
        cut.WaitForAssertion(() => cut.Find(".file-upload-done").TextContent.Should().Contain("Larawan ni Niño.png"));
        cut.FindAll(".file-upload-refusal").Should().BeEmpty();
        await using var db = await Services.GetRequiredService<IDbContextFactory<BarangayDbContext>>().CreateDbContextAsync();
        (await db.Files.AnyAsync(f => f.Id == uploaded[0].Id)).Should().BeTrue();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's upload registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }
}
