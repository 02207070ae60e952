using Barangay.Data.Documents;
using Barangay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Documents;

/// <summary>
/// RA 11261: a First Time Jobseeker certification needs six months' residence, read from the register's "Living in
/// the barangay since" (set by officials), not from a date the applicant types (issue 22, item 3; <see cref="ResidencyRule"/>).
/// </summary>
public class ResidencyRuleTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private DocumentsTestHost _host = null!;
    private DocumentRequestService Requests => _host.Requests;

    public Task InitializeAsync()
    {
        _host = new DocumentsTestHost(database.AppConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Approve_FirstTimeJobseeker_RefusedUntilTheRegisterShowsSixMonthsThenApproved()
    {
        var today = TestClock.ManilaToday;
        var (id, resident) = await FiledAsync();

        var unrecorded = await ApproveAsync(id);
        unrecorded.Ok.Should().BeFalse();
        unrecorded.Message.Should().Contain("at least 6 months").And.Contain("Living in the barangay since");

        await SetSinceAsync(resident, today.AddMonths(-2));
        var recent = await ApproveAsync(id);
        recent.Ok.Should().BeFalse();
        recent.Message.Should().Contain("has lived here since").And.Contain(today.AddMonths(4).ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));

        await SetSinceAsync(resident, today.AddYears(-3));
        var approved = await ApproveAsync(id);
        approved.Ok.Should().BeTrue(approved.Message);
        approved.Value!.Certificate!.OathPage.Should().BeTrue();
    }

    [Fact]
    public async Task Approve_TypeWithoutResidenceRule_NeedsNoDate()
    {
        var resident = await _host.OtherResidentAsync();
        await SetSinceAsync(resident, null);
        await _host.AsSecretaryAsync();
        var id = (await Requests.CreateAsync(DocumentRequestServiceTests.Clearance().WithResident(resident))).Value!.Id;
        var v = (await Requests.ReviewAsync(id, (await Requests.GetAsync(id))!.Version)).Value!.Version;
        await _host.AsTreasurerAsync();
        v = (await Requests.WaiveAsync(id, v, "Indigent")).Value!.Version;
        await _host.AsKapitanAsync();

        (await Requests.ApproveAsync(id, v)).Ok.Should().BeTrue();
    }

    private async Task<(Guid Id, Guid Resident)> FiledAsync()
    {
        await using (var db = await _host.Services.DbAsync())
        {
            // A resident with no first-time-jobseeker certification yet (the benefit is once per person).
            var resident = await db.Residents.AsNoTracking().Where(r => r.UserId == null && r.RegistrationStatus == "active" && r.Dob < new DateOnly(2004, 1, 1)
                    && !db.DocumentRequests.Any(q => q.ResidentId == r.Id && q.Type == "first-time-jobseeker"))
                .OrderByDescending(r => r.ResidentId).Select(r => r.Id).FirstAsync();
            await _host.AsSecretaryAsync();
            var filed = await Requests.CreateAsync(new NewDocumentRequest { TypeCode = "first-time-jobseeker", Purpose = "First job application", ResidentId = resident, Oath = true });
            filed.Ok.Should().BeTrue(filed.Message);
            var id = filed.Value!.Id;
            (await Requests.ReviewAsync(id, (await Requests.GetAsync(id))!.Version)).Ok.Should().BeTrue();
            return (id, resident);
        }
    }

    private async Task<Barangay.Data.Common.ServiceResult<DocumentRequestDetail>> ApproveAsync(Guid id)
    {
        await _host.AsKapitanAsync();
        return await Requests.ApproveAsync(id, (await Requests.GetAsync(id))!.Version);
    }

    private async Task SetSinceAsync(Guid resident, DateOnly? since)
    {
        await using var db = await _host.Services.DbAsync();
        await db.Residents.Where(r => r.Id == resident).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResidentSince, since));
    }
}
