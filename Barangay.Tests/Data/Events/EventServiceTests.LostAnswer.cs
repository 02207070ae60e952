using Barangay.Data.Common;
using Barangay.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Data.Events;

/// <summary>
/// A first registration is one autocommit statement. When a failover loses its answer after it committed, the execution
/// strategy runs the same press again (the same registration id); that run must find its own row, not a duplicate.
/// </summary>
public partial class EventServiceTests
{
    [Fact]
    public async Task Register_PressRunAgainAfterItsAnswerWasLost_IsToldItIsRegisteredAndWrittenOnce()
    {
        var ev = await PublishedAsync(10);
        var p = (await CommunityTestData.CreateResidentsAsync(database.AppConnectionString, 1, "purok-5"))[0];
        FlowCaller.Set(CommunityTestData.CallerOf(p));
        var press = Guid.NewGuid();

        var first = await Events.RegisterAsync(ev.Id, p.UserId, press, CancellationToken.None);
        var again = await Events.RegisterAsync(ev.Id, p.UserId, press, CancellationToken.None); // what the strategy's retry runs

        first.Value!.Status.Should().Be(EventRegistrationStatuses.Registered);
        again.Kind.Should().Be(ResultKind.Ok, "the row is this press's own: the resident is registered, as the lost answer would have said");
        again.Value!.Message.Should().Be(first.Value.Message);
        var anotherPress = await Events.RegisterAsync(ev.Id, p.UserId, Guid.NewGuid(), CancellationToken.None);
        anotherPress.Kind.Should().Be(ResultKind.Conflict, "a second press of Register is still told it is already registered");
        anotherPress.Message.Should().Be("You are already registered for this event.");
        await using var db = await _services.DbAsync();
        (await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)).Should().Be(1);
        (await db.Events.Where(e => e.Id == ev.Id).Select(e => e.RegisteredCount).SingleAsync()).Should().Be(1);
    }
}
