using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Events;

/// <summary>
/// The one definition of "my event registrations": a seat or a waitlist place in an event that has not ended and is
/// not cancelled. The home's card counts it and the events page's "My registrations" lists it, so the two agree.
/// </summary>
public static class MyEventRegistrations
{
    public static IQueryable<EventRegistration> Upcoming(BarangayDbContext db, Guid residentId, DateTime nowUtc) =>
        db.EventRegistrations.AsNoTracking().Where(g => g.ResidentId == residentId
            && (g.Status == EventRegistrationStatuses.Registered || g.Status == EventRegistrationStatuses.Waitlisted)
            && db.Events.Any(e => e.Id == g.EventId && e.EndAt >= nowUtc && e.Status != EventStatuses.Cancelled));
}
