using Barangay.Data.Accounts;
using Barangay.Data.Accounts.Registrations;
using Barangay.Data.Common;
using Barangay.Data.Security;
using Barangay.Tests.Data.Files;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Accounts;

/// <summary>Registration tells no visitor who has an account (issue 19, item 12): the same answer, and an email to the address instead.</summary>
public class RegistrationEnumerationTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Password = "kalabaw sa bukid ng lolo";
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "barangay-enum-" + Guid.NewGuid().ToString("N")[..8]);
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = RegistrationTestHost.Start(database.AppConnectionString, _dataRoot);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_dataRoot)) Directory.Delete(_dataRoot, recursive: true);
    }

    private RegistrationService Registrations => _services.Get<RegistrationService>();

    private async Task<RegistrationForm> FormAsync(string user, string email) => new()
    {
        FirstName = "Maria", LastName = "Bautista", Dob = new DateOnly(1995, 3, 14), Sex = "Female", MaritalStatus = "Single",
        Purok = (await Registrations.PuroksAsync())[0].Code, Address = "12 Mabini St.", ContactNumber = "0917 123 4567",
        Email = email, UserName = user, Password = Password, AcceptPrivacyNotice = true,
    };

    private async Task<ServiceResult<RegistrationReceipt>> SubmitAsync(RegistrationForm form)
    {
        _services.Caller.Current = Caller.Anonymous;
        return await Registrations.SubmitAsync(form, new RegistrationPhoto("id.png", new MemoryStream(SampleFiles.Png)), "203.0.113.5", "test");
    }

    private async Task<List<string?>> SubjectsToAsync(string email)
    {
        await using var db = await _services.DbAsync();
        return await db.EmailQueue.AsNoTracking().Where(e => e.ToEmail == email).Select(e => e.Subject).ToListAsync();
    }

    [Fact]
    public async Task Submit_WithAnEmailThatHasAnAccount_AnswersLikeANewRegistration_AndEmailsTheOwner()
    {
        await using var db = await _services.DbAsync();
        var users = await db.Users.IgnoreQueryFilters().CountAsync();

        var taken = await SubmitAsync(await FormAsync("someone.new", "Juan.DelaCruz@SanIsidro.example"));
        var fresh = await SubmitAsync(await FormAsync("someone.else", "someone.else@mail.example"));

        taken.Kind.Should().Be(fresh.Kind).And.Be(ResultKind.Ok);
        taken.Errors.Should().BeEmpty("the visitor is not told the address has an account");
        taken.Value.Should().Be(RegistrationReceipt.NotCreated);
        (await db.Users.IgnoreQueryFilters().CountAsync()).Should().Be(users + 1, "only the new address made an account");
        (await SubjectsToAsync("juan.delacruz@sanisidro.example")).Should().ContainSingle(s => s!.Contains("Someone tried to register"));
    }

    [Fact]
    public async Task Submit_WithATakenUsername_AnswersLikeANewRegistration_AndEmailsTheApplicant()
    {
        var result = await SubmitAsync(await FormAsync("JUAN", "juan.two@mail.example"));

        result.Ok.Should().BeTrue("the visitor is not told the username exists");
        result.Errors.Should().BeEmpty();
        (await SubjectsToAsync("juan.two@mail.example")).Should().ContainSingle(s => s!.Contains("choose another username"));
    }
}
