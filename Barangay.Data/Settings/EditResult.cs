namespace Barangay.Data.Settings;

/// <summary>
/// The outcome of a settings or lookup change: saved, refused with messages per field (the key names the
/// field, the message says what is wrong in plain words), or refused as a whole (<see cref="Message"/>).
/// </summary>
public sealed record EditResult(IReadOnlyDictionary<string, string> Errors, string? Message)
{
    public static readonly EditResult Saved = new(new Dictionary<string, string>(), null);

    public bool Succeeded => Errors.Count == 0 && Message is null;

    public static EditResult Invalid(IReadOnlyDictionary<string, string> errors) => new(errors, null);

    public static EditResult Refused(string message) => new(new Dictionary<string, string>(), message);

    public static EditResult Invalid(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);

    /// <summary>Every message, for a summary above the form.</summary>
    public IEnumerable<string> AllMessages => Message is null ? Errors.Values : Errors.Values.Prepend(Message);
}
