using Barangay.Data.Localization;

namespace Barangay.Data.Complaints;

/// <summary>
/// What a confidential complaint shows outside its own page, in one place: on a shared family phone the home and the
/// complaint list name it only "Confidential complaint" and its reference number (its subject and category stay on its
/// page, for whoever opens it), and a notification or email about it never carries its subject or any text of it
/// (resolution notes, rejection reason): only that there is an update and where to read it.
/// </summary>
public static class ConfidentialComplaints
{
    /// <summary>The title shown instead of the subject (the English text is the localizer key).</summary>
    public const string Title = "Confidential complaint";

    /// <summary>Shown instead of the category, which can say as much as the subject ("Violence against women and children").</summary>
    public const string Category = "Confidential";

    /// <summary>A list's subject for the complaint: the subject itself, or <see cref="Title"/> for a confidential one.</summary>
    public static string? ListSubject(bool confidential, string? subject) => confidential ? Title : subject;

    /// <summary>A list's category for the complaint: its label, or <see cref="Category"/> for a confidential one.</summary>
    public static string ListCategory(bool confidential, string label) => confidential ? Category : label;

    /// <summary>What a conversation list shows of the last message in a confidential complaint's thread: nothing of it, until opened.</summary>
    public const string HiddenPreview = "Open the conversation to read it.";

    /// <summary>The notice to the officials who triage a new complaint: a confidential one by its number alone.</summary>
    public static Message TriageNotice(bool confidential, string complaintId, string? subject) =>
        confidential ? new("New confidential complaint {0}.", complaintId) : new("New complaint {0}: {1}", complaintId, subject ?? "");

    /// <summary>
    /// The subject and text of a notice to the complainant (notification and email): as written, or for a confidential
    /// complaint a neutral one that names only the reference number.
    /// </summary>
    /// <remarks>Kept as catalogue keys (<see cref="Message"/>): the complainant reads them in their own language.</remarks>
    public static (Message Subject, Message Text) Notice(bool confidential, string complaintId, Message subject, Message text) =>
        confidential
            ? (new("Update on your complaint {0}", complaintId),
               new("There is an update on your confidential complaint {0}. For your privacy this message does not say what it is; sign in and open it under My complaints.", complaintId))
            : (subject, text);
}
