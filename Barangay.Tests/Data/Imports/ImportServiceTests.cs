using System.Text;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Files;
using Barangay.Data.Imports;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Imports;

/// <summary>Imports against the demo barangay: the preview's named problems, the commit, the rejected rows, the rollback, restarts and bad files.</summary>
public class ImportServiceTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ImportTestHost _host = null!;
    private ImportService Imports => _host.Imports;

    public async Task InitializeAsync()
    {
        _host = new ImportTestHost(database.AppConnectionString);
        await _host.Services.SignInAsAsync(DemoAccounts.AdminUser);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private const string Header = "Apelyido,Pangalan,Gitnang pangalan,Kaarawan,Kasarian,Purok,Tirahan,Katayuang sibil\r\n";

    /// <summary>Names that no demo resident has, so only the deliberate duplicates are duplicates.</summary>
    private static string Good(int n, string purok = "Purok 1") =>
        $"Imported{Letters(n)},Testa{Letters(n)},Santos,1990-03-15,F,{purok},Lot {n},Single\r\n";

    private static string Letters(int n)
    {
        var s = "";
        do { s = (char)('a' + n % 26) + s; n /= 26; } while (n > 0);
        return s;
    }

    private async Task<(string Name, DateOnly Dob, string ResidentId)> AnyDemoResidentAsync()
    {
        await using var db = await _host.Services.DbAsync();
        var r = await db.Residents.AsNoTracking().OrderBy(x => x.ResidentId).FirstAsync(x => x.Purok == "purok-1");
        return ($"{r.LastName},{r.FirstName}", r.Dob, r.ResidentId);
    }

    [Fact]
    public async Task Upload_FileWithEachKindOfProblem_PreviewNamesEveryRowAndCountsThem()
    {
        var existing = await AnyDemoResidentAsync();
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 5; i++) csv.Append(Good(i));
        csv.Append("Lopez,Maria,,1990-03-15,F,Purok 99,,Single\r\n");                        // row 7: unknown purok
        csv.Append("Lopez,Mario,,02/30/1990,M,Purok 1,,Single\r\n");                          // row 8: impossible date
        csv.Append("Lopez,Marco,,03/04/1990,M,Purok 1,,Single\r\n");                          // row 9: ambiguous date
        csv.Append("Lopez,Marta,,someday,F,Purok 1,,Single\r\n");                             // row 10: unreadable date
        csv.Append("Lopez,Baby,,2024-01-02,F,Purok 1,,Single\r\n");                           // row 11: age 1 without a reason
        csv.Append($"{existing.Name},,{existing.Dob:yyyy-MM-dd},M,Purok 1,,\r\n");            // row 12: already in the records
        csv.Append(Good(0));                                                                   // row 13: same as row 2
        csv.Append(",Nameless,,1990-03-15,M,Purok 1,,Single\r\n");                            // row 14: missing last name
        csv.Append("\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",Eve,,1990-03-15,F,Purok 1,,Single\r\n"); // row 15: formula
        var id = await _host.UploadAsync(csv.ToString());

        var view = (await Imports.GetAsync(id))!;
        view.Status.Should().Be(ImportStatuses.Uploaded);
        view.Preview!.Total.Should().Be(14);
        view.Preview.Valid.Should().Be(5);
        view.Preview.Errors.Select(e => (e.Row, e.Kind)).Should().BeEquivalentTo(new[]
        {
            (7, ImportErrorKinds.UnknownPurok), (8, ImportErrorKinds.ImpossibleDate), (9, ImportErrorKinds.AmbiguousDate), (10, ImportErrorKinds.BadDate),
            (11, ImportErrorKinds.AgeRule), (12, ImportErrorKinds.DuplicateExisting), (13, ImportErrorKinds.DuplicateInFile), (14, ImportErrorKinds.Missing),
            (15, ImportErrorKinds.Formula),
        });
        view.Preview.Counts.Values.Sum().Should().Be(9);
        view.Preview.Errors.Single(e => e.Row == 7).Message.Should().Contain("Purok 99");
        view.Preview.Errors.Single(e => e.Row == 11).Message.Should().Contain("outside 16–90");
        view.Preview.Errors.Single(e => e.Row == 12).Message.Should().Contain(existing.ResidentId);
        view.Preview.Errors.Single(e => e.Row == 13).Message.Should().Contain("row 2");
        view.Preview.Errors.Single(e => e.Row == 14).Message.Should().Be("Last name is required.");
    }

    [Fact]
    public async Task SetMapping_WrongColumnCorrected_PreviewBecomesClean()
    {
        // The file's "Purok" column holds addresses and "Sitio No." holds the purok: the guess takes "Purok".
        var id = await _host.UploadAsync("Last name,First name,Birth date,Purok,Sitio No.\r\nAbad,Lina,1980-01-01,Lot 2 Blk 3,Purok 2\r\nAbad,Lito,1981-02-02,Lot 4,3\r\n");
        var view = (await Imports.GetAsync(id))!;
        view.Mapping.Columns[nameof(ResidentEdit.Purok)].Should().Be(3);
        view.Preview!.Counts[ImportErrorKinds.UnknownPurok].Should().Be(2);

        var columns = view.Mapping.Columns.ToDictionary();
        columns[nameof(ResidentEdit.Purok)] = 4;
        columns[nameof(ResidentEdit.Address)] = 3;
        var fixedView = await Imports.SetMappingAsync(id, columns, DateOrders.Flag, null);
        fixedView.Ok.Should().BeTrue(fixedView.Message);
        fixedView.Value!.Preview!.Valid.Should().Be(2);
        fixedView.Value.Preview.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_XlsxWithDateCellsAFormulaAndAnUnknownPurokHeader_MappingFixedByHandImportsIt()
    {
        using var package = new OfficeOpenXml.ExcelPackage();
        var ws = package.Workbook.Worksheets.Add("RBI");
        string[] headers = ["Apelyido", "Pangalan", "Kaarawan", "Zona"];
        for (var c = 0; c < headers.Length; c++) ws.Cells[1, c + 1].Value = headers[c];
        ws.Cells[2, 1].Value = "Xlsxon"; ws.Cells[2, 2].Value = "Ana"; ws.Cells[2, 3].Value = new DateTime(1990, 3, 15); ws.Cells[2, 3].Style.Numberformat.Format = "yyyy-mm-dd"; ws.Cells[2, 4].Value = "Purok 2";
        ws.Cells[3, 1].Value = "Xlsxon"; ws.Cells[3, 2].Formula = "HYPERLINK(\"http://evil\",\"x\")"; ws.Cells[3, 3].Value = "1991-01-01"; ws.Cells[3, 4].Value = "3";
        var result = await Imports.UploadAsync(ImportTargets.Residents, "rbi.xlsx", new MemoryStream(package.GetAsByteArray()));
        result.Ok.Should().BeTrue(result.Message);
        var view = (await Imports.GetAsync(result.Value))!;
        view.Mapping.Columns.Should().NotContainKey(nameof(ResidentEdit.Purok));
        view.Preview!.Errors.Should().ContainSingle(e => e.Message.Contains("No column is chosen for Purok"));

        var columns = view.Mapping.Columns.ToDictionary();
        columns[nameof(ResidentEdit.Purok)] = 3;
        var fixedView = await Imports.SetMappingAsync(result.Value, columns, DateOrders.Flag, null);
        fixedView.Ok.Should().BeTrue(fixedView.Message);
        fixedView.Value!.Preview!.Valid.Should().Be(1);
        fixedView.Value.Preview.Errors.Should().ContainSingle().Which.Kind.Should().Be(ImportErrorKinds.Formula);
        (await _host.CommitAndRunAsync(result.Value)).RecordsImported.Should().Be(1);
        await using var db = await _host.Services.DbAsync();
        (await db.Residents.SingleAsync(r => r.LastName == "Xlsxon")).Dob.Should().Be(new DateOnly(1990, 3, 15));
        // COPY bypasses SaveChanges: the job itself puts the names in the dictionary typo search resolves against.
        (await db.ResidentNames.CountAsync(n => (n.Kind == ResidentNameKinds.Last && n.Name == "xlsxon") || (n.Kind == ResidentNameKinds.First && n.Name == "ana")))
            .Should().Be(2);
    }

    [Fact]
    public async Task SetMapping_OneColumnForTwoFields_IsRefusedNamingBoth()
    {
        var id = await _host.UploadAsync(Header + Good(1));
        var columns = (await Imports.GetAsync(id))!.Mapping.Columns.ToDictionary();
        columns[nameof(ResidentEdit.FirstName)] = columns[nameof(ResidentEdit.LastName)];
        var result = await Imports.SetMappingAsync(id, columns, DateOrders.Flag, null);
        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("Apelyido").And.Contain("Last name").And.Contain("First name");
    }

    [Fact]
    public async Task SetMapping_BatchAgeReason_AcceptsChildrenAndSeniors()
    {
        var id = await _host.UploadAsync(Header + "Lopez,Bebe,,2024-01-02,F,Purok 1,,Single\r\nLopez,Lolo,,1920-05-05,M,Purok 1,,Widowed\r\n");
        (await Imports.GetAsync(id))!.Preview!.Counts[ImportErrorKinds.AgeRule].Should().Be(2);
        var columns = (await Imports.GetAsync(id))!.Mapping.Columns;
        var result = await Imports.SetMappingAsync(id, columns, DateOrders.Flag, "2025 RBI census: the whole household is listed");
        result.Value!.Preview!.Valid.Should().Be(2);
    }

    [Fact]
    public async Task Commit_ThenRollback_WritesTheAcceptedRowsWithResidentIdsThenRemovesExactlyThem()
    {
        int before;
        await using (var db = await _host.Services.DbAsync()) before = await db.Residents.CountAsync();
        var csv = new StringBuilder(Header);
        for (var i = 100; i < 110; i++) csv.Append(Good(i));
        csv.Append("Lopez,Maria,,1990-03-15,F,Purok 99,,Single\r\n");
        var id = await _host.UploadAsync(csv.ToString());

        var done = await _host.CommitAndRunAsync(id);
        done.Status.Should().Be(ImportStatuses.Completed);
        done.RecordsImported.Should().Be(10);
        done.RecordsFailed.Should().Be(1);
        done.RollbackAvailable.Should().BeTrue();
        done.ReportLink.Should().NotBeNull();

        await using (var db = await _host.Services.DbAsync())
        {
            var imported = await db.Residents.AsNoTracking().Where(r => r.LastName.StartsWith("Imported")).ToListAsync();
            imported.Should().HaveCount(10);
            imported.Should().OnlyContain(r => r.ResidentId.StartsWith("RES-") && r.Purok == "purok-1" && r.Sex == "Female" && r.SearchLast.StartsWith("imported"));
            imported.Select(r => r.ResidentId).Should().OnlyHaveUniqueItems();
            (await db.AuditLogs.CountAsync(a => a.TargetId == id.ToString() && a.ActionType == AuditActions.Import)).Should().BeGreaterThanOrEqualTo(3);
        }

        // The rejected rows, with reasons, in the importer's own session (no signed link: they hold residents' data).
        done.ReportLink.Should().NotContain("?");
        var fileId = Guid.Parse(done.ReportLink!["/files/".Length..]);
        var report = await _host.Services.Get<FileService>().ReadAsync(fileId);
        var text = Encoding.UTF8.GetString(report.Content!);
        text.Should().Contain("Row,Reasons,Apelyido").And.Contain("12,").And.Contain("Purok \"\"Purok 99\"\" is not one of the barangay's puroks.");
        text.Should().NotContain("Importedbe");

        var rolled = await Imports.RollbackAsync(id);
        rolled.Ok.Should().BeTrue(rolled.Message);
        rolled.Value.Should().Be(10);
        await using (var db = await _host.Services.DbAsync())
        {
            (await db.Residents.IgnoreQueryFilters().CountAsync()).Should().Be(before);
        }
        var after = (await Imports.GetAsync(id))!;
        after.Status.Should().Be(ImportStatuses.RolledBack);
        after.RollbackAvailable.Should().BeFalse();
        (await Imports.RollbackAsync(id)).Ok.Should().BeFalse();
    }

    [Fact]
    public async Task Discard_UncommittedPreview_RemovesItAndItsFile_FromTheListForGood()
    {
        var id = await _host.UploadAsync(Header + Good(300));
        var fileId = (await Imports.GetAsync(id))!.Mapping.FileId;
        (await Imports.MineAsync()).Should().Contain(i => i.Id == id);

        var discarded = await Imports.DiscardAsync(id);

        discarded.Ok.Should().BeTrue(discarded.Message);
        discarded.Value.Should().BeTrue();
        (await Imports.MineAsync()).Should().NotContain(i => i.Id == id, "an abandoned preview no longer piles up in the list");
        (await Imports.GetAsync(id)).Should().BeNull();
        await using (var db = await _host.Services.DbAsync())
        {
            (await db.Files.AnyAsync(f => f.Id == fileId)).Should().BeFalse("the uploaded spreadsheet goes with it");
            (await db.AuditLogs.AnyAsync(a => a.TargetId == id.ToString() && a.ActionType == AuditActions.Delete)).Should().BeTrue();
        }
        (await _host.Services.Get<Barangay.Data.Files.GeneratedFiles>().ReadAsync(fileId)).Should().BeNull();
        (await Imports.DiscardAsync(id)).Kind.Should().Be(ResultKind.NotFound);
    }

    [Fact]
    public async Task Discard_CommittedImport_IsRefused_AndSomeoneElsesIsNotFound()
    {
        var committed = await _host.UploadAsync(Header + Good(310));
        (await Imports.CommitAsync(committed)).Ok.Should().BeTrue();
        (await Imports.DiscardAsync(committed)).Kind.Should().Be(ResultKind.Conflict);
        (await Imports.GetAsync(committed)).Should().NotBeNull();

        var mine = await _host.UploadAsync(Header + Good(311));
        await _host.Services.SignInAsAsync(DemoAccounts.OfficialUser, Barangay.Data.Security.OfficialPositions.Secretary);
        (await Imports.DiscardAsync(mine)).Kind.Should().Be(ResultKind.NotFound, "an import is its requester's alone");
        await _host.Services.SignInAsAsync(DemoAccounts.AdminUser);
        (await Imports.GetAsync(mine)).Should().NotBeNull();
    }

    [Fact]
    public async Task Job_KilledAfterAChunk_ResumesWithoutDuplicatesAndCompletes()
    {
        var csv = new StringBuilder(Header);
        var rows = Barangay.Jobs.Imports.ImportJob.ChunkSize * 2 + 17;
        for (var i = 0; i < rows; i++) csv.Append($"Resume{Letters(i)},Ana,,1985-06-0{i % 9 + 1},F,Purok 2,,Single\r\n");
        var id = await _host.UploadAsync(csv.ToString());
        (await Imports.CommitAsync(id)).Ok.Should().BeTrue();

        // The first run dies right after its first chunk commits (as when the app is killed).
        var dying = _host.Job();
        dying.AfterChunk = _ => throw new OperationCanceledException("killed");
        var act = () => dying.RunAsync(id, CancellationToken.None);
        await act.Should().ThrowAsync<OperationCanceledException>();
        var midway = (await Imports.GetAsync(id))!;
        midway.Status.Should().Be(ImportStatuses.Processing);
        midway.RecordsImported.Should().Be(Barangay.Jobs.Imports.ImportJob.ChunkSize);

        // A new run right away finds the claim fresh and leaves it; once the claim is stale the sweeper's run resumes.
        await _host.Job().RunAsync(id, CancellationToken.None);
        (await Imports.GetAsync(id))!.Status.Should().Be(ImportStatuses.Processing);
        await using (var db = await _host.Services.DbAsync())
            await db.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, TestClock.UtcNow.AddHours(-1)));
        var requeued = await new Barangay.Jobs.Imports.ImportQueueWorkSource(_host.Services.Get<IDbContextFactory<Barangay.Data.BarangayDbContext>>(), _host.Dispatched, TestClock.Running())
            .RequeueDueAsync(TestClock.UtcNow, TestClock.UtcNow, 10, CancellationToken.None);
        requeued.Should().Be(1);
        await _host.Job().RunAsync(id, CancellationToken.None);

        var done = (await Imports.GetAsync(id))!;
        done.Status.Should().Be(ImportStatuses.Completed);
        done.RecordsImported.Should().Be(rows);
        await using (var db = await _host.Services.DbAsync())
        {
            var imported = await db.Residents.AsNoTracking().Where(r => r.LastName.StartsWith("Resume")).Select(r => r.LastName).ToListAsync();
            imported.Should().HaveCount(rows).And.OnlyHaveUniqueItems();
        }
    }

    [Fact]
    public async Task Upload_EmptyFile_IsRefusedAsEmpty()
    {
        var result = await Imports.UploadAsync(ImportTargets.Residents, "residents.csv", new MemoryStream());
        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("empty");
    }

    [Fact]
    public async Task Upload_ExecutableNamedCsv_IsRefusedAsNotCsv()
    {
        var result = await Imports.UploadAsync(ImportTargets.Residents, "residents.csv", new MemoryStream([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]));
        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("not a CSV file");
    }

    [Fact]
    public async Task Upload_PdfFile_IsRefusedAsNotCsvOrXlsx()
    {
        var result = await Imports.UploadAsync(ImportTargets.Residents, "residents.pdf", new MemoryStream("%PDF-1.7"u8.ToArray()));
        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("Only CSV or XLSX");
    }

    [Fact]
    public async Task Upload_200MegabyteFile_IsRefusedWithoutReadingItAll()
    {
        var stream = new CountingStream(200L * 1024 * 1024);
        var result = await Imports.UploadAsync(ImportTargets.Residents, "residents.csv", stream);
        result.Ok.Should().BeFalse();
        result.Message.Should().Contain("larger than 50 MB");
        stream.Consumed.Should().BeLessThan(60L * 1024 * 1024);
    }

    [Fact]
    public async Task Upload_HeaderOnly_SaysThereAreNoDataRows()
    {
        var result = await Imports.UploadAsync(ImportTargets.Residents, "residents.csv", new MemoryStream(Encoding.UTF8.GetBytes(Header)));
        result.Message.Should().Contain("no data rows");
    }

    [Fact]
    public async Task Upload_Resident_IsNotFoundAndCannotSeeAnotherUsersImport()
    {
        var id = await _host.UploadAsync(Header + Good(1));
        await _host.Services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Imports.UploadAsync(ImportTargets.Residents, "r.csv", new MemoryStream(Encoding.UTF8.GetBytes(Header + Good(2))))).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
        (await Imports.GetAsync(id)).Should().BeNull();
        (await Imports.CommitAsync(id)).Kind.Should().Be(Barangay.Data.Common.ResultKind.NotFound);
        await _host.Services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        (await Imports.GetAsync(id)).Should().BeNull(); // the secretary may import, but not read the admin's import
    }

    [Fact]
    public async Task Commit_Households_HeadsJoinTheirNewHouseholdAndRollbackUndoesIt()
    {
        Guid headId;
        string headCode;
        await using (var db = await _host.Services.DbAsync())
        {
            var r = new Resident { ResidentId = "RES-HH-IMPORT-1", FirstName = "Hugo", LastName = "Headley", Dob = new DateOnly(1970, 1, 1), Purok = "purok-3" };
            db.Residents.Add(r);
            await db.SaveChangesAsync();
            (headId, headCode) = (r.Id, r.ResidentId);
        }
        var id = await _host.UploadAsync($"Head resident ID,Purok,Address\r\n{headCode},Purok 3,Lot 9\r\n{headCode},Purok 3,Lot 9\r\nRES-NOPE-1,,\r\n",
            "households.csv", ImportTargets.Households);
        var preview = (await Imports.GetAsync(id))!.Preview!;
        preview.Valid.Should().Be(1);
        preview.Errors.Select(e => e.Kind).Should().BeEquivalentTo([ImportErrorKinds.DuplicateInFile, ImportErrorKinds.Invalid]);

        var done = await _host.CommitAndRunAsync(id);
        done.RecordsImported.Should().Be(1);
        await using (var db = await _host.Services.DbAsync())
        {
            var head = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == headId);
            head.HouseholdId.Should().NotBeNull();
            (await db.HouseholdMembers.CountAsync(m => m.ResidentId == headId)).Should().Be(1);
        }
        (await Imports.RollbackAsync(id)).Value.Should().Be(1);
        await using (var db = await _host.Services.DbAsync())
        {
            (await db.Residents.AsNoTracking().SingleAsync(r => r.Id == headId)).HouseholdId.Should().BeNull();
            (await db.HouseholdMembers.CountAsync(m => m.ResidentId == headId)).Should().Be(0);
        }
    }

    /// <summary>A stream of <c>a</c>s of the given length that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Consumed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Consumed);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Consumed += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
