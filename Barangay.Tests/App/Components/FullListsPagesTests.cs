using Barangay.App.Components.Pages.Complaints;
using Barangay.App.Components.Pages.Events;
using Barangay.Data;
using Barangay.Data.Common;
using Barangay.Data.Complaints;
using Barangay.Data.Events;
using Barangay.Data.Files;
using Barangay.Tests.App.Notifications;
using Barangay.Tests.Data.Complaints;
using Barangay.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Barangay.Tests.App.Components;

/// <summary>
/// Lists longer than the caps they used to have (Take(200), Take(500)): the count a person reads is the number of
/// rows the list shows them once they have asked for more, and nothing is cut off without a "Show more".
/// </summary>
public class FullListsPagesTests : ComponentTestBase, IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly TestCaller _viewer;
    private readonly ComplaintsTestHost _hall;
    private readonly string _files = Path.Combine(Path.GetTempPath(), "barangay-lists-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly string _connection;

    public FullListsPagesTests(DemoDatabase database)
    {
        _connection = database.AppConnectionString;
        _hall = new ComplaintsTestHost(database.AppConnectionString);
        _viewer = NotificationLiveServices.Add(Services, database.AppConnectionString);
        Services.AddBarangayFiles(new FileStorageOptions { DataRoot = _files });
        Services.AddComplaintsAndMessaging().AddEvents();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _hall.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
    }

    /// <summary>
    /// Presses "Show more" until it is gone and returns how many rows the list then shows. Every look at the markup
    /// happens inside bUnit's wait (on the renderer's side): read between renders, a page that is appending rows can
    /// show the old rows without the button for an instant, which is not what a browser ever paints.
    /// </summary>
    private static int ClickMoreUntilGone<T>(IRenderedComponent<T> cut, string testId, string items) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var (shown, more) = Settled(cut, testId, items, 0);
        for (var guard = 0; guard < 50 && more; guard++)
        {
            cut.Find($"[data-testid={testId}]").Click();
            (shown, more) = Settled(cut, testId, items, shown);
        }
        more.Should().BeFalse("every row is shown in the end");
        return shown;
    }

    /// <summary>Waits until the list shows more than <paramref name="moreThan"/> rows and its button (if any) is not busy.</summary>
    private static (int Shown, bool More) Settled<T>(IRenderedComponent<T> cut, string testId, string items, int moreThan) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var shown = 0;
        var more = false;
        cut.WaitForState(() =>
        {
            var button = cut.FindAll($"[data-testid={testId}]");
            more = button.Count > 0;
            shown = cut.FindAll(items).Count;
            return shown > moreThan && (!more || !button[0].HasAttribute("disabled"));
        });
        return (shown, more);
    }

    [Fact]
    public async Task MyComplaints_MoreThanTheOldCapOf200_OpenCountEqualsTheOpenList()
    {
        await _hall.AsJuanAsync();
        _viewer.Current = _hall.Services.Caller.Current;
        int open;
        await using (var db = await _hall.Services.DbAsync())
        {
            var juan = await db.Residents.AsNoTracking().Where(r => r.UserId == _viewer.Current.UserId).Select(r => r.Id).FirstAsync();
            var now = TestClock.UtcNow;
            for (var i = 0; i < 230; i++)
            {
                db.Complaints.Add(new Complaint
                {
                    Id = Guid.NewGuid(), ComplaintId = $"CMP-LIST-{i:000}", ResidentId = juan, Category = "noise", Subject = "Bulk " + i,
                    Description = "Paging fixture.", Status = i % 3 == 0 ? ComplaintStatuses.Resolved : ComplaintStatuses.New,
                    ReportedAt = now.AddMinutes(-i), Version = Guid.NewGuid(),
                });
            }
            await db.SaveChangesAsync();
            open = await db.Complaints.CountAsync(c => c.ResidentId == juan && ComplaintStatuses.Open.Contains(c.Status));
        }
        open.Should().BeGreaterThan(150);

        // The home's "My open complaints" card opens /my/complaints?open=true.
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/my/complaints?open=true");
        var cut = Render<MyComplaintsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=my-complaints-count]").TextContent.Trim().Should().Be($"{open} open"));
        cut.FindAll("[data-testid=my-complaint]").Should().HaveCount(20, "one page first");
        cut.Find("[data-testid=my-complaints-more]").TextContent.Should().Contain($"20 of {open} shown");

        ClickMoreUntilGone(cut, "my-complaints-more", "[data-testid=my-complaint]").Should().Be(open, "the count is the length of the list");
        cut.FindAll("[data-testid=my-complaint]").Select(e => e.TextContent).Should().NotContain(t => t.Contains("Resolved"));
    }

    [Fact]
    public async Task Calendar_NextMonthPressedWhileThisMonthStillLoads_ShowsOnlyNextMonthsEvents()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var today = TimeZones.ManilaToday(TestClock.Running());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        CommunityEvent On(DateOnly day, string title) => new()
        {
            Id = Guid.NewGuid(), EventId = $"EVT-{tag}-{title.Replace(" ", "")}", Title = $"{title} {tag}", Status = EventStatuses.Published,
            StartAt = TimeZones.ManilaToUtc(day.ToDateTime(new TimeOnly(9, 0))), EndAt = TimeZones.ManilaToUtc(day.ToDateTime(new TimeOnly(10, 0))),
            CreatedAt = TestClock.UtcNow, Version = Guid.NewGuid(),
        };
        var nextMonth = thisMonth.AddMonths(1);
        int nextTotal;
        await using (var db = await _hall.Services.DbAsync())
        {
            // More than a page next month, so the page says how many of how many it shows.
            db.Events.Add(On(thisMonth.AddDays(14), "This month"));
            db.Events.AddRange(Enumerable.Range(0, 101).Select(i => On(nextMonth.AddDays(i % 28), $"Next {i:000}")));
            await db.SaveChangesAsync();
            var (start, end) = (TimeZones.ManilaToUtc(nextMonth.ToDateTime(TimeOnly.MinValue)), TimeZones.ManilaToUtc(nextMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue)));
            nextTotal = await db.Events.CountAsync(e => e.Status == EventStatuses.Published && e.EndAt > start && e.StartAt < end);
        }
        await _hall.AsJuanAsync();
        _viewer.Current = _hall.Services.Caller.Current;

        // A slow link: the month's events do not come back until the person has already pressed "next month".
        await using var hold = new Npgsql.NpgsqlConnection(_connection);
        await hold.OpenAsync();
        await using var tx = await hold.BeginTransactionAsync();
        await using (var lockEvents = new Npgsql.NpgsqlCommand("LOCK TABLE events IN ACCESS EXCLUSIVE MODE", hold, tx))
            await lockEvents.ExecuteNonQueryAsync();
        var cut = Render<EventCalendar>();
        cut.Find("[data-testid=cal-next]").Click();
        await tx.CommitAsync();

        // Before: this month's late answer was added to next month's list, and the count read "101 of …".
        cut.WaitForAssertion(() => cut.Find("[data-testid=cal-more]").TextContent.Should().Contain($"100 of {nextTotal} shown"));
        cut.FindAll("a.event-calendar-item").Should().HaveCount(100);
    }

    [Fact]
    public async Task Calendar_MonthWithMoreEventsThanAPage_SaysSoAndShowsThemAll()
    {
        var today = TimeZones.ManilaToday(TestClock.Running());
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var from = TimeZones.ManilaToUtc(next.ToDateTime(new TimeOnly(6, 0)));
        int total;
        await using (var db = await _hall.Services.DbAsync())
        {
            for (var i = 0; i < 130; i++)
            {
                db.Events.Add(new CommunityEvent
                {
                    Id = Guid.NewGuid(), EventId = $"EVT-CAL-{i:000}", Title = $"Calendar bulk {i:000}", StartAt = from.AddHours(i), EndAt = from.AddHours(i).AddMinutes(30),
                    Status = EventStatuses.Published, CreatedAt = TestClock.UtcNow, Version = Guid.NewGuid(),
                });
            }
            await db.SaveChangesAsync();
            var monthEnd = TimeZones.ManilaToUtc(next.AddMonths(1).ToDateTime(TimeOnly.MinValue));
            var monthStart = TimeZones.ManilaToUtc(next.ToDateTime(TimeOnly.MinValue));
            total = await db.Events.CountAsync(e => e.Status == EventStatuses.Published && e.EndAt > monthStart && e.StartAt < monthEnd);
        }
        await _hall.AsJuanAsync();
        _viewer.Current = _hall.Services.Caller.Current;

        var cut = Render<EventCalendar>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=cal-month]").TextContent.Should().NotBeEmpty());
        cut.Find("[data-testid=cal-next]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=cal-more]").TextContent.Should().Contain($"100 of {total} shown"));
        cut.FindAll("a.event-calendar-item").Should().HaveCount(100);

        ClickMoreUntilGone(cut, "cal-more", "a.event-calendar-item").Should().Be(total);
    }
}
