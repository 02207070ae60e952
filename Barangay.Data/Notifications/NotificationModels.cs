namespace Barangay.Data.Notifications;

/// <summary>
/// What a notification says and where it leads: stored as the <c>payload</c> JSON
/// (<c>{"text": …, "href": …, "ids": {…}}</c>). <see cref="Href"/> is a path inside the app ("/requests/…").
/// </summary>
/// <remarks><see cref="Key"/> and <see cref="Args"/> (a <see cref="Localization.Message"/>) render the text in the reader's
/// language when it is read; <see cref="Text"/> is its English, kept for rows read by older code and for the admins.</remarks>
public sealed record NotificationPayload(string Text, string? Href = null, IReadOnlyDictionary<string, string>? Ids = null,
    string? Key = null, IReadOnlyList<string>? Args = null)
{
    public static NotificationPayload From(Localization.Message message, string? href = null, IReadOnlyDictionary<string, string>? ids = null)
    {
        var text = message.English;
        return new(text.Length > NotificationPayloads.MaxTextLength ? text[..NotificationPayloads.MaxTextLength] : text, href, ids, message.Key, message.Args);
    }
}

/// <summary>The outcome of a fan-out: how many rows were written, which recipients were skipped, or why nothing was.</summary>
public sealed record NotifyResult(int Created, IReadOnlyList<Guid> UnknownUsers, string? Error)
{
    public bool Succeeded => Error is null;

    public static NotifyResult Invalid(string error) => new(0, [], error);
}

/// <summary>One of the signed-in user's notifications, as the bell and the notifications page show it.</summary>
public sealed record NotificationRow(Guid Id, string Type, string Text, string? Href, bool Read, DateTime CreatedAt,
    Localization.Message? Message = null)
{
    /// <summary>The text in the reader's language; a row stored as finished text (older rows) shows that text.</summary>
    public string TextIn(System.Globalization.CultureInfo culture) => Message?.Render(culture) ?? Text;
}

/// <summary>A page of the signed-in user's notifications (newest first) with the totals the page needs.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationRow> Items, int Total, int Unread);

public enum MarkReadOutcome
{
    Marked,
    NotFound,
}
