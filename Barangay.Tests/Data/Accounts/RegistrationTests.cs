using System.Text;
using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Seed;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

public class RegistrationTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Password = "kalabaw sa bukid ng lolo";
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-reg-" + Guid.NewGuid().ToString("N")[..8]);
    private TestServices _services = null!;
    private string _purok = "";

    public async Task InitializeAsync()
    {
        _services = RegistrationTestHost.Start(database.AppConnectionString, _dataRoot);
        _purok = (await Registrations.PuroksAsync())[0].Code;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private RegistrationService Registrations => _services.Get<RegistrationService>();
    private RegistrationReviewService Reviews => _services.Get<RegistrationReviewService>();

    private RegistrationForm Form(string user, DateOnly? dob = null) => new()
    {
        FirstName = "Maria", MiddleName = "Santos", LastName = "Bautista",
        Dob = dob ?? new DateOnly(1995, 3, 14), Sex = "Female", MaritalStatus = "Single", Purok = _purok, Address = "12 Mabini St.",
        ContactNumber = "0917 123 4567", Email = $"{user}@mail.example", UserName = user, Password = Password, AcceptPrivacyNotice = true,
    };

    private static RegistrationPhoto Photo(byte[]? bytes = null, string name = "id.png") => new(name, new MemoryStream(bytes ?? SampleFiles.Png));

    private async Task<RegistrationReceipt> SubmitAsync(RegistrationForm form)
    {
        _services.Caller.Current = Caller.Anonymous;
        var result = await Registrations.SubmitAsync(form, Photo(), "203.0.113.5", "test");
        result.Ok.Should().BeTrue(result.Message);
        return result.Value!;
    }

    private async Task<(int Users, int Registrations, int Files)> CountsAsync()
    {
        await using var db = await _services.DbAsync();
        return (await db.Users.IgnoreQueryFilters().CountAsync(), await db.RegistrationsPending.CountAsync(), await db.Files.CountAsync());
    }

    [Fact]
    public async Task Submit_ValidForm_CreatesPendingAccountWithOnlyTheHash_AndARegistrationWithReferenceAndEta()
    {
        var receipt = await SubmitAsync(Form("maria.b"));

        receipt.RegistrationId.Should().MatchRegex(@"^REG-\d{4}-\d{6}$");
        receipt.EstimatedReviewEta.Should().BeAfter(TestClock.UtcNow);
        await using var db = await _services.DbAsync();
        var row = await db.RegistrationsPending.AsNoTracking().SingleAsync(r => r.Id == receipt.Id);
        row.Status.Should().Be(RegistrationStatuses.Pending);
        row.UserPayload.Should().NotContain(Password, "user_payload never holds the password");
        var payload = RegistrationPayload.FromJson(row.UserPayload);
        payload.IdPhotoFileId.Should().NotBeNull();
        payload.PrivacyConsentAt.Should().NotBeNull();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == payload.UserId);
        user.Status.Should().Be(UserStatuses.Pending);
        user.PasswordHash.Should().NotContain(Password);
        _services.Get<IPasswordHasher<User>>().VerifyHashedPassword(user, user.PasswordHash!, Password).Should().NotBe(PasswordVerificationResult.Failed);
        var metadata = await db.Files.AsNoTracking().Where(f => f.Id == payload.IdPhotoFileId).Select(f => f.Metadata).SingleAsync();
        metadata.Should().Contain("id_document");
        (await db.EmailQueue.AsNoTracking().Where(e => e.ToEmail == "maria.b@mail.example").Select(e => e.Subject).ToListAsync())
            .Should().ContainSingle(s => s!.Contains(receipt.RegistrationId));
        (await db.AuditLogs.AsNoTracking().Select(a => a.Details).ToListAsync()).Should().NotContain(d => d != null && d.Contains(Password));
    }

    [Fact]
    public async Task Submit_BadInput_IsRefusedNamingTheField_AndWritesNothing()
    {
        var today = TestClock.ManilaToday;
        var before = await CountsAsync();
        var cases = new (Func<RegistrationForm> Form, RegistrationPhoto? Photo, string Field, string Says)[]
        {
            (() => Form("future1", today.AddDays(3)), Photo(), "Dob", "future"),
            (() => Form("young15", today.AddYears(-15)), Photo(), "Dob", "16 to 90"),
            (() => Form("old91", today.AddYears(-91).AddDays(-1)), Photo(), "Dob", "16 to 90"),
            (() => Form("textid"), Photo(Encoding.UTF8.GetBytes("just some text, not a picture"), "id.jpg"), "IdPhoto", "ID photo"),
            (() => { var f = Form("hugename"); f.FirstName = new string('a', 5 * 1024 * 1024); return f; }, Photo(), "FirstName", "First name is longer"),
            (() => { var f = Form("shortpw"); f.Password = "short pass"; return f; }, Photo(), "Password", "at least 12"),
            (() => { var f = Form("commonpw"); f.Password = "password1234"; return f; }, Photo(), "Password", "too common"),
            (() => { var f = Form("noconsent"); f.AcceptPrivacyNotice = false; return f; }, Photo(), "AcceptPrivacyNotice", "Privacy notice"),
            (() => Form("nophoto"), null, "IdPhoto", "ID photo"),
        };
        foreach (var c in cases)
        {
            var result = await Registrations.SubmitAsync(c.Form(), c.Photo, null, null);
            result.Kind.Should().Be(ResultKind.Invalid, c.Field);
            result.Errors.Should().ContainKey(c.Field).WhoseValue.Should().Contain(c.Says);
        }
        (await CountsAsync()).Should().Be(before, "nothing is written for bad input");
    }

    /// <summary>Issue 26: on a Filipino sign-up page the ID photo's messages were English ("ID photo: … JPEG or PNG …").</summary>
    [Fact]
    public async Task Submit_BadIdPhoto_OnAFilipinoPage_IsRefusedInFilipino()
    {
        using var _ = LanguageScope.Use(AppLanguages.Filipino);
        (await Registrations.SubmitAsync(Form("nophoto.fil"), null, null, null)).Errors["IdPhoto"]
            .Should().Be("Litrato ng ID: kumuha o pumili ng litrato ng isang valid na ID.");
        (await Registrations.SubmitAsync(Form("textid.fil"), Photo(Encoding.UTF8.GetBytes("just some text, not a picture"), "id.gif"), null, null)).Errors["IdPhoto"]
            .Should().Be("Litrato ng ID: JPEG o PNG na file lang ang puwedeng i-upload dito. Nagtatapos sa .gif ang pangalan ng file na ito.");
    }

    [Fact]
    public async Task Applicant_FindsStatusWithPasswordOnly_AndCanWithdraw_WhichFreesTheUsername()
    {
        var receipt = await SubmitAsync(Form("ana.w"));
        (await Registrations.FindForApplicantAsync(receipt.RegistrationId, "wrong password here")).Status.Should().BeNull();
        var status = (await Registrations.FindForApplicantAsync(receipt.RegistrationId.ToLowerInvariant(), Password)).Status;
        status!.Status.Should().Be(RegistrationStatuses.Pending);
        status.CanWithdraw.Should().BeTrue();
        await using (var db = await _services.DbAsync())
            (await db.Users.IgnoreQueryFilters().SingleAsync(u => u.UserName == "ana.w" && u.Status == "pending")).EmailConfirmed
                .Should().BeTrue("the reference number went to that address only: using it confirms the email");

        var withdrawn = await Registrations.WithdrawAsync(receipt.Id, null, null);
        withdrawn.Ok.Should().BeTrue();
        withdrawn.Value!.Status.Should().Be(RegistrationStatuses.Withdrawn);
        (await Registrations.WithdrawAsync(receipt.Id, null, null)).Kind.Should().Be(ResultKind.Conflict);

        await SubmitAsync(Form("ana.w")); // the same username and email may apply again
    }

    [Fact]
    public async Task Review_OnlyReviewersSeeTheQueue_OldestFirst()
    {
        var first = await SubmitAsync(Form("queue1"));
        var second = await SubmitAsync(Form("queue2"));

        await _services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Reviews.ListPendingPageAsync(0, 50)).Items.Should().BeEmpty();
        (await Reviews.GetAsync(first.Id)).Should().BeNull();
        (await Reviews.ApproveAsync(first.Id, Guid.Empty, null)).Kind.Should().Be(ResultKind.NotFound);

        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var queue = (await Reviews.ListPendingPageAsync(0, 100)).Items.Select(r => r.Id).ToList();
        queue.Should().ContainInOrder(first.Id, second.Id);
    }

    [Fact]
    public async Task ListPendingPage_MoreThanTheOldCapOf500_EveryRegistrationIsReachableAndCounted()
    {
        // The queue used to stop at 500 with no sign of more; 520 waiting must all be reachable, oldest first.
        var start = DateTime.UtcNow.AddYears(-30);
        await using (var db = await _services.DbAsync())
        {
            for (var i = 0; i < 520; i++)
            {
                db.RegistrationsPending.Add(new RegistrationPending
                {
                    Id = Guid.NewGuid(), RegistrationId = $"REG-BULK-{i:D4}", CreatedAt = start.AddMinutes(i), UpdatedAt = start, Version = Guid.NewGuid(),
                    UserPayload = $$"""{"first_name":"Bulk","last_name":"Applicant{{i:D4}}"}""",
                });
            }
            await db.SaveChangesAsync();
        }
        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);

        var first = await Reviews.ListPendingPageAsync(0, 100);
        first.Total.Should().BeGreaterThanOrEqualTo(520);
        var seen = new List<string>();
        for (var page = 0; page * 100 < first.Total; page++) seen.AddRange((await Reviews.ListPendingPageAsync(page, 100)).Items.Select(r => r.RegistrationId));

        seen.Should().HaveCount(first.Total, "the count shown is the number of rows the pages hold").And.OnlyHaveUniqueItems();
        seen.Where(r => r.StartsWith("REG-BULK-", StringComparison.Ordinal)).Should().HaveCount(520)
            .And.BeInAscendingOrder(StringComparer.Ordinal, "oldest first");
    }

    [Fact]
    public async Task ListPendingPage_PagesTheWholeQueueWithItsTrueCount()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await SubmitAsync(Form($"pagedq{i}"))).Id);
        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var total = (await Reviews.ListPendingPageAsync(0, 1)).Total;

        var pages = new List<Guid>();
        for (var page = 0; page * 2 < total; page++) pages.AddRange((await Reviews.ListPendingPageAsync(page, 2)).Items.Select(r => r.Id));

        pages.Should().HaveCount(total).And.OnlyHaveUniqueItems().And.ContainInOrder(ids);
        await _services.SignInAsAsync(DemoAccounts.ResidentUser);
        (await Reviews.ListPendingPageAsync(0, 50)).Total.Should().Be(0);
    }

    [Fact]
    public async Task Approve_LinkingAnExistingResident_ActivatesTheAccountWithoutADuplicate()
    {
        await using (var db = await _services.DbAsync())
        {
            var juanRecord = await db.Residents.AsNoTracking().Where(r => r.UserId == null).OrderBy(r => r.ResidentId).FirstAsync();
            var form = Form("link.me", juanRecord.Dob);
            form.FirstName = juanRecord.FirstName;
            form.LastName = juanRecord.LastName + "e"; // a typo: still found by trigram similarity
            var receipt = await SubmitAsync(form);

            await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
            var review = await Reviews.GetAsync(receipt.Id);
            review!.Candidates.Should().Contain(c => c.Id == juanRecord.Id);
            var before = await db.Residents.CountAsync();

            var result = await Reviews.ApproveAsync(receipt.Id, review.Version, juanRecord.Id);
            result.Ok.Should().BeTrue(result.Message);
            result.Value.Should().Be(juanRecord.ResidentId);
            (await db.Residents.CountAsync()).Should().Be(before, "linking creates no duplicate");
            var linked = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == juanRecord.Id);
            linked.UserId.Should().Be(review.Payload.UserId);
            (await db.Users.AsNoTracking().SingleAsync(u => u.Id == review.Payload.UserId)).Status.Should().Be(UserStatuses.Active);
            var row = await db.RegistrationsPending.AsNoTracking().SingleAsync(r => r.Id == receipt.Id);
            row.Status.Should().Be(RegistrationStatuses.Approved);
            row.ReferenceResidentId.Should().Be(juanRecord.Id);
            (await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == review.Payload.UserId)).Should().Be(1);
            (await db.EmailQueue.AsNoTracking().CountAsync(e => e.ToEmail == "link.me@mail.example" && e.Subject!.Contains("approved"))).Should().Be(1);
        }
    }

    [Fact]
    public async Task TwoReviewers_ApproveAndRejectAtOnce_ExactlyOneWins_TheOtherIsTold()
    {
        for (var i = 0; i < 3; i++)
        {
            var receipt = await SubmitAsync(Form($"race{i}"));
            await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
            var version = (await Reviews.GetAsync(receipt.Id))!.Version;

            var approving = Reviews.ApproveAsync(receipt.Id, version, null);
            var rejecting = Reviews.RejectAsync(receipt.Id, version, "The ID photo is blurred.");
            await Task.WhenAll(approving, rejecting);
            var approve = await approving;
            var reject = await rejecting;

            var oks = new[] { approve.Ok, reject.Ok };
            oks.Count(x => x).Should().Be(1, "exactly one decision wins");
            var loser = approve.Ok ? reject.Message : approve.Message;
            loser.Should().Contain("Another official has already decided");
            await using var db = await _services.DbAsync();
            var row = await db.RegistrationsPending.AsNoTracking().SingleAsync(r => r.Id == receipt.Id);
            row.Status.Should().Be(approve.Ok ? RegistrationStatuses.Approved : RegistrationStatuses.Rejected);
            var payload = RegistrationPayload.FromJson(row.UserPayload);
            (await db.Residents.CountAsync(r => r.UserId == payload.UserId)).Should().Be(approve.Ok ? 1 : 0);
        }
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndTheApplicantSeesIt()
    {
        var receipt = await SubmitAsync(Form("rej.me"));
        await _services.SignInAsAsync(DemoAccounts.OfficialUser, OfficialPositions.Secretary);
        var version = (await Reviews.GetAsync(receipt.Id))!.Version;
        (await Reviews.RejectAsync(receipt.Id, version, "  ")).Errors.Should().ContainKey("Reason");
        (await Reviews.RejectAsync(receipt.Id, version, "Your ID photo cannot be read.")).Ok.Should().BeTrue();

        var status = await Registrations.GetForApplicantAsync(receipt.Id);
        status!.Status.Should().Be(RegistrationStatuses.Rejected);
        status.Reason.Should().Be("Your ID photo cannot be read.");
        (await Registrations.FindForApplicantAsync(receipt.RegistrationId, Password)).Status.Should().BeNull("a closed application's password no longer opens it");
    }
}
