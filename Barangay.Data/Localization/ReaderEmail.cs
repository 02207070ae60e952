using Barangay.Data.Email;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Localization;

/// <summary>
/// An email to one person written in their language (<c>users.preferred_language</c>, English when they chose none),
/// not the language of whoever caused it: "Hello {name}," the text, and a line saying where to find it in the app.
/// The key and arguments go into the row's payload, so the outbox can tell what was said whatever the language.
/// </summary>
public static class ReaderEmail
{
    public static async Task<EmailQueueItem> QueueAsync(BarangayDbContext db, Guid? userId, string to, Message subject, Message text,
        string? greetingName, string? footerKey, IReadOnlyDictionary<string, object?> ids, CancellationToken ct)
    {
        var lang = AppLanguages.Culture(await RecipientLanguage.OfAsync(db, userId, ct));
        return Queue(db, lang, to, subject, text, greetingName, footerKey, ids);
    }

    public static EmailQueueItem Queue(BarangayDbContext db, System.Globalization.CultureInfo lang, string to, Message subject, Message text,
        string? greetingName, string? footerKey, IReadOnlyDictionary<string, object?> ids)
    {
        var body = new System.Text.StringBuilder();
        if (!string.IsNullOrWhiteSpace(greetingName)) body.Append(new Message("Hello {0},", greetingName).Render(lang)).Append("\n\n");
        body.Append(text.Render(lang)).Append('\n');
        if (footerKey is not null) body.Append('\n').Append(Texts.Get(footerKey, lang)).Append('\n');
        var payload = new Dictionary<string, object?>(ids) { ["lang"] = lang.Name, ["message"] = new { key = text.Key, args = text.Args } };
        return EmailOutbox.Queue(db, to, subject.Render(lang), body.ToString(), payload);
    }

    /// <summary>The languages of several accounts at once (a fan-out), English for those who chose none.</summary>
    public static async Task<Dictionary<Guid, System.Globalization.CultureInfo>> LanguagesAsync(BarangayDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.PreferredLanguage }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => AppLanguages.Culture(AppLanguages.Match(r.PreferredLanguage) ?? AppLanguages.English));
    }
}
