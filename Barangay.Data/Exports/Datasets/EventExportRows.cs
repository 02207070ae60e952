using System.Runtime.CompilerServices;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Exports.Datasets;

/// <summary>
/// Events with their registrations: one row per registration (the event's columns repeated, as an attendee sheet reads),
/// and one row with empty registration columns for an event nobody registered for.
/// </summary>
public static class EventExportRows
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Event ID", "Title", "Category", "Starts (Manila)", "Ends (Manila)", "Venue", "Event status", "Capacity", "Seats taken",
        "Resident ID", "Registrant", "Registrant purok", "Registration status", "Registered (Manila)",
    ];

    public static async IAsyncEnumerable<object?[]> Read(BarangayDbContext db, ExportFilters f, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var categories = await ExportLabels.OfAsync(db, LookupCategories.EventCategory, ct);
        var puroks = await ExportLabels.OfAsync(db, LookupCategories.Purok, ct);
        var events = ExportDatasetSource.Within(db.Events.AsNoTracking(), f, e => e.StartAt);
        if (f.Status is { } status) events = events.Where(e => e.Status == status);
        var registrations = from g in db.EventRegistrations.AsNoTracking()
                            join r in db.Residents.IgnoreQueryFilters().AsNoTracking() on g.ResidentId equals r.Id
                            select new { g.EventId, g.Status, g.RegisteredAt, r.ResidentId, Name = r.LastName + ", " + r.FirstName, r.Purok };
        // The purok filter is the registrant's: "who from Purok 3 came to the clean-up drive".
        if (f.Purok is { } purok) registrations = registrations.Where(g => g.Purok == purok);
        var rows = (from e in events
                    join g in registrations on e.Id equals g.EventId into gs
                    from g in gs.DefaultIfEmpty()
                    orderby e.StartAt, e.EventId, g.RegisteredAt, g.ResidentId
                    select new
                    {
                        e.EventId, e.Title, e.Category, e.StartAt, e.EndAt, e.Venue, e.Status, e.MaxCapacity, e.RegisteredCount,
                        Resident = g == null ? null : g.ResidentId, Name = g == null ? null : g.Name, Purok = g == null ? null : g.Purok,
                        Registration = g == null ? null : g.Status, RegisteredAt = g == null ? (DateTime?)null : g.RegisteredAt,
                    }).AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
        {
            yield return
            [
                e.EventId, e.Title, ExportLabels.Of(categories, e.Category), ExportDatasetSource.Manila(e.StartAt), ExportDatasetSource.Manila(e.EndAt), e.Venue,
                e.Status, e.MaxCapacity, e.RegisteredCount, e.Resident, e.Name, ExportLabels.Of(puroks, e.Purok), e.Registration, ExportDatasetSource.Manila(e.RegisteredAt),
            ];
        }
    }
}
