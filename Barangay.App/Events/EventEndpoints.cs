using Barangay.Data.Events;

namespace Barangay.App.Events;

/// <summary><c>GET /events/{id}.ics</c> (add to a phone's calendar) and <c>GET /hall/events/{id}/attendees.csv</c> (officials).</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{id:guid}.ics", async (Guid id, HttpContext http, EventService events, Barangay.Data.Common.PublicLinks links, TimeProvider clock, CancellationToken ct) =>
        {
            var e = await events.GetAsync(id, ct);
            if (e is null || e.Event.Status == EventStatuses.Draft) return Results.NotFound();
            var ics = EventCalendarFile.Build(e.Event, e.Description, links.Host, clock.GetUtcNow().UtcDateTime);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{e.Event.EventId}.ics");
        }).RequireAuthorization();
        app.MapGet("/hall/events/{id:guid}/attendees.csv", async (Guid id, HttpContext http, EventService events, CancellationToken ct) =>
        {
            var file = await events.ExportAttendeesCsvAsync(id, ct);
            if (file is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Value.Content, "text/csv; charset=utf-8", file.Value.FileName);
        }).RequireAuthorization(Barangay.Data.Security.Permissions.Events.Manage);
        return app;
    }
}
