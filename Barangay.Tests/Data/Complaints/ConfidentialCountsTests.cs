using Barangay.Data.Complaints;
using Barangay.Data.Dashboard;
using Barangay.Data.Messaging;
using Barangay.Tests.Data.Dashboard;
using Barangay.Tests.Infrastructure;

namespace Barangay.Tests.Data.Complaints;

/// <summary>
/// Every count an official sees equals what the matching list shows them (issue 19, item 5): the official home's open
/// complaints card, its "awaiting reply" card, the hall-inbox menu badge and the complaint-category chart, for an
/// official who may not see a confidential complaint (the secretary), one who may because it is assigned to them (a
/// kagawad) and one who sees them all (the Punong Barangay).
/// </summary>
public class ConfidentialCountsTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private ComplaintsTestHost _host = null!;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, Guid> Threads = [];
    private Guid _thread;

    public async Task InitializeAsync()
    {
        _host = new ComplaintsTestHost(database.AppConnectionString, more: DashboardTestServices.Add);
        await Once.WaitAsync();
        try
        {
            if (!Threads.TryGetValue(database.Name, out _thread)) Threads[database.Name] = _thread = await SeedAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A VAWC complaint Juan files, assigned to a kagawad, whose thread awaits the hall's reply.</summary>
    private async Task<Guid> SeedAsync()
    {
        await _host.AsJuanAsync();
        var input = ComplaintsTestHost.Noise(confidential: true);
        input.Category = "vawc";
        input.Subject = "My husband hits me";
        var ack = (await _host.Complaints.FileAsync(input)).Value!;
        var thread = (await _host.Messaging.WriteAboutComplaintAsync(ack.Id, new NewMessage("Please call me when he is out."))).Value!.ConversationId;
        await _host.AsKapitanAsync();
        var version = (await _host.Complaints.GetAsync(ack.Id))!.Version;
        var kagawad = await _host.AsKagawadAsync();
        await _host.AsKapitanAsync();
        (await _host.Complaints.AssignAsync(ack.Id, kagawad, version)).Ok.Should().BeTrue();
        return thread;
    }

    public static TheoryData<string> Officials => new() { "secretary", "kgd.reyes", "kapitan" };

    private Task SignInAsync(string who) => who switch
    {
        "secretary" => _host.AsSecretaryAsync(),
        "kapitan" => _host.AsKapitanAsync(),
        _ => _host.AsKagawadAsync(who),
    };

    private Task<OfficialHome?> HomeAsync() => _host.Services.Get<DashboardService>().GetOfficialHomeAsync();

    [Theory]
    [MemberData(nameof(Officials))]
    public async Task OfficialHome_ComplaintCategoryChart_EqualsTheQueueFilteredByEachCategory(string who)
    {
        await SignInAsync(who);
        var chart = (await HomeAsync())!.Charts.ComplaintCategories;

        chart.Should().Contain(c => c.Code == "vawc" || who == "secretary");
        foreach (var category in chart)
            category.Count.Should().Be((await _host.Complaints.QueueAsync(new ComplaintQueueFilter(Category: category.Code), 0, 1)).Total, category.Category);
        chart.Sum(c => c.Count).Should().Be((await _host.Complaints.QueueAsync(new ComplaintQueueFilter(), 0, 1)).Total);
    }

    [Fact]
    public async Task OfficialHome_Secretary_VawcChartCountsOnlyWhatSheMayOpen()
    {
        await _host.AsKapitanAsync();
        var all = (await HomeAsync())!.Charts.ComplaintCategories.Single(c => c.Code == "vawc").Count;
        await _host.AsSecretaryAsync();
        var hers = (await HomeAsync())!.Charts.ComplaintCategories.SingleOrDefault(c => c.Code == "vawc")?.Count ?? 0;

        hers.Should().BeLessThan(all, "Juan's VAWC complaint is assigned to a kagawad and the secretary cannot open it");
        hers.Should().Be((await _host.Complaints.QueueAsync(new ComplaintQueueFilter(Category: "vawc"), 0, 1)).Total);
    }

    [Theory]
    [MemberData(nameof(Officials))]
    public async Task OfficialHome_OpenComplaintsCard_EqualsTheQueueOfOpenStatuses(string who)
    {
        await SignInAsync(who);
        var card = (await HomeAsync())!.Cards.OpenComplaints;

        var listed = 0;
        foreach (var status in ComplaintStatuses.Open) listed += (await _host.Complaints.QueueAsync(new ComplaintQueueFilter(Status: status), 0, 1)).Total;
        card.Should().Be(listed);
    }

    [Theory]
    [MemberData(nameof(Officials))]
    public async Task AwaitingReply_HomeCardAndMenuBadge_EqualTheHallInboxList(string who)
    {
        await SignInAsync(who);
        var card = (await HomeAsync())!.Cards.UnreadHallMessages;
        var badge = await _host.Messaging.AwaitingReplyCountAsync();
        var list = await _host.Messaging.ListHallInboxAsync(new HallInboxFilter(OnlyAwaiting: true), 0, MessagingService.MaxPageSize);

        list.Total.Should().BeLessThan(MessagingService.MaxPageSize, "the whole list fits one page, so it can be counted");
        card.Should().Be(list.Items.Count);
        badge.Should().Be(list.Items.Count);
        list.Awaiting.Should().Be(list.Items.Count);
    }

    [Fact]
    public async Task AwaitingReply_Secretary_DoesNotCountTheConfidentialThreadTheKagawadSees()
    {
        var awaiting = new HallInboxFilter(OnlyAwaiting: true);
        await _host.AsKagawadAsync();
        (await _host.Messaging.ListHallInboxAsync(awaiting, 0, MessagingService.MaxPageSize)).Items.Should().Contain(c => c.Id == _thread);
        await _host.AsSecretaryAsync();
        var hers = await _host.Messaging.ListHallInboxAsync(awaiting, 0, MessagingService.MaxPageSize);

        hers.Items.Should().NotContain(c => c.Id == _thread);
        (await _host.Messaging.AwaitingReplyCountAsync()).Should().Be(hers.Items.Count);
        (await HomeAsync())!.Cards.UnreadHallMessages.Should().Be(hers.Items.Count);
    }
}
