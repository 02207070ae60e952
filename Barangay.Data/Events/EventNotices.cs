using Barangay.Data.Email;
using Barangay.Data.Localization;
using Barangay.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Events;

/// <summary>
/// What registrants are told, written into the caller's context so the notifications and emails commit with the
/// change they announce.
/// </summary>
internal static class EventNotices
{
    // The texts are catalogue keys (Message): each registrant reads them, and gets the email, in their own language.
    public static Task ChangedAsync(BarangayDbContext db, CommunityEvent ev, IReadOnlyCollection<EventRegistration> skip, CancellationToken ct) =>
        TellAsync(db, ev, skip.Select(r => r.Id).ToHashSet(), "event.changed",
            new Message("{0} was changed: now {1} at {2}.", ev.Title, Message.At(ev.StartAt), ev.Venue ?? Message.Text("the venue to be announced")), ct);

    public static Task CancelledAsync(BarangayDbContext db, CommunityEvent ev, CancellationToken ct) =>
        TellAsync(db, ev, [], "event.cancelled", new Message("{0} ({1}) was cancelled.", ev.Title, Message.At(ev.StartAt)), ct);

    public static async Task PromotedAsync(BarangayDbContext db, CommunityEvent ev, IReadOnlyCollection<EventRegistration> promoted, CancellationToken ct)
    {
        if (promoted.Count == 0) return;
        var ids = promoted.Select(r => r.ResidentId).ToList();
        var people = await Recipients(db, ids, ct);
        var text = new Message("A seat opened up: you are now registered for {0} ({1}).", ev.Title, Message.At(ev.StartAt));
        await Write(db, ev, people, "event.promoted", text, ct);
    }

    private static async Task TellAsync(BarangayDbContext db, CommunityEvent ev, HashSet<Guid> skip, string type, Message text, CancellationToken ct)
    {
        var ids = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == ev.Id && (r.Status == EventRegistrationStatuses.Registered || r.Status == EventRegistrationStatuses.Waitlisted))
            .Where(r => !skip.Contains(r.Id))
            .Select(r => r.ResidentId).ToListAsync(ct);
        if (ids.Count == 0) return;
        await Write(db, ev, await Recipients(db, ids, ct), type, text, ct);
    }

    private static async Task Write(BarangayDbContext db, CommunityEvent ev, List<(Guid UserId, string? Email)> people, string type, Message text, CancellationToken ct)
    {
        if (people.Count == 0) return;
        await NotificationService.AddAsync(db, people.Select(p => p.UserId).ToList(), type,
            NotificationPayload.From(text, $"/events/{ev.Id}", new Dictionary<string, string> { ["event_id"] = ev.EventId }), ct);
        await NoticeTexts.QueueAsync(db, people.Select(p => p.UserId).ToList(), text, type, ct);
        var languages = await ReaderEmail.LanguagesAsync(db, people.Select(p => p.UserId).ToList(), ct);
        foreach (var (user, email) in people)
        {
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal)) continue;
            var lang = languages.GetValueOrDefault(user, AppLanguages.EnglishCulture);
            EmailOutbox.Queue(db, email, ev.Title, text.Render(lang) + "\n\n" + Texts.Get("See the event in the barangay app.", lang),
                new { type, event_id = ev.EventId, lang = lang.Name });
        }
    }

    /// <summary>The accounts of these residents (residents without an account cannot be notified in the app).</summary>
    private static async Task<List<(Guid UserId, string? Email)>> Recipients(BarangayDbContext db, List<Guid> residentIds, CancellationToken ct)
    {
        var rows = await db.Residents.AsNoTracking()
            .Where(r => residentIds.Contains(r.Id) && r.UserId != null)
            .Join(db.Users.AsNoTracking(), r => r.UserId, u => u.Id, (r, u) => new { u.Id, Email = u.Email ?? r.Email })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Email)).Distinct().ToList();
    }
}
