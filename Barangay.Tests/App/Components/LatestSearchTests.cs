using Barangay.App.Components.Shared;

namespace Barangay.Tests.App.Components;

/// <summary>An autocomplete's early search that returns late must not replace the newest search's list (issue 21, item 8).</summary>
public class LatestSearchTests
{
    /// <summary>A search that never answers by itself: it ends only when its token is cancelled.</summary>
    private static Task<IEnumerable<string>> UntilCancelled(CancellationToken ct)
    {
        var pending = new TaskCompletionSource<IEnumerable<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        ct.Register(() => pending.TrySetCanceled(ct));
        return pending.Task;
    }

    [Fact]
    public async Task EarlySearchReturningLast_GivesTheNewestSearchsResults()
    {
        var search = new LatestSearch<string>();
        var early = new TaskCompletionSource<IEnumerable<string>>();
        var newest = new TaskCompletionSource<IEnumerable<string>>();
        var first = search.RunAsync(_ => early.Task, CancellationToken.None);
        var second = search.RunAsync(_ => newest.Task, CancellationToken.None);

        newest.SetResult(["Bagasbas, Leonora"]);
        (await second).Should().Equal("Bagasbas, Leonora");
        early.SetResult(["Bagasbas, Leonara", "Bagasbas, Leonora"]);
        (await first).Should().Equal(["Bagasbas, Leonora"], "the list shows the newest search, whichever call returns last");
    }

    [Fact]
    public async Task EarlySearchCancelledByTheNewOne_GivesTheNewestSearchsResults_NotAnEmptyList()
    {
        var search = new LatestSearch<string>();
        using var cts = new CancellationTokenSource();
        var early = search.RunAsync(UntilCancelled, cts.Token);
        var newest = new TaskCompletionSource<IEnumerable<string>>();
        var second = search.RunAsync(_ => newest.Task, CancellationToken.None);
        await cts.CancelAsync();
        newest.SetResult(["Bagasbas, Leonora"]);

        (await early).Should().Equal("Bagasbas, Leonora");
        (await second).Should().Equal("Bagasbas, Leonora");
    }

    [Fact]
    public async Task OnlySearch_Cancelled_IsCancelled()
    {
        var search = new LatestSearch<string>();
        using var cts = new CancellationTokenSource();
        var only = search.RunAsync(UntilCancelled, cts.Token);
        await cts.CancelAsync();
        await only.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
    }
}
