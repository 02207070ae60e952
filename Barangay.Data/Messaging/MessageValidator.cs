using Barangay.Data.Common;
using Barangay.Data.Localization;

namespace Barangay.Data.Messaging;

/// <summary>The rules for a subject and a message, with messages that name the problem.</summary>
public static class MessageValidator
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;
    public const int MaxAttachments = 5;

    public static Dictionary<string, string> Check(string? subject, NewMessage message, bool needsSubject)
    {
        var errors = new Dictionary<string, string>();
        if (needsSubject)
        {
            var s = (subject ?? "").Trim();
            if (s.Length == 0) errors["Subject"] = Texts.Say("Subject is required.");
            else if (s.Length > MaxSubjectLength) errors["Subject"] = Texts.Say("Subject is longer than {0} characters.", MaxSubjectLength);
        }
        var body = (message.Body ?? "").Trim();
        var attachments = message.AttachmentIds?.Distinct().Count() ?? 0;
        if (body.Length == 0 && attachments == 0)
            errors["Body"] = Texts.Say("The message is empty. Write something before sending.");
        else if (body.Length > MaxBodyLength)
            errors["Body"] = Texts.Say("The message is longer than {0:N0} characters (it has {1:N0}). Shorten it or send it in parts.", MaxBodyLength, body.Length);
        if (attachments > MaxAttachments)
            errors["Attachments"] = Texts.Say("A message can carry at most {0} attachments.", MaxAttachments);
        return errors;
    }

    /// <summary>Line breaks kept, other control characters dropped, ends trimmed.</summary>
    public static string CleanBody(string? body) =>
        new string((body ?? "").ReplaceLineEndings("\n").Where(c => c == '\n' || c == '\t' || !char.IsControl(c)).ToArray()).Trim();

    public static string CleanSubject(string? subject) =>
        new string((subject ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();

    public static ServiceResult<T> Invalid<T>(Dictionary<string, string> errors) => ServiceResult<T>.Invalid(errors);
}
