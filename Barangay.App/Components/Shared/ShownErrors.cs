namespace Barangay.App.Components.Shared;

/// <summary>
/// The service's refusal messages as a form shows them (issue 24 item 7): a field's message goes as soon as the person
/// changes that field, so a fixed field does not stay red until the next submit, which checks it again anyway.
/// A new set of messages (the next refusal) shows whole again.
/// </summary>
public sealed class ShownErrors
{
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private readonly HashSet<string> _changed = [];

    /// <summary>Takes the form's current messages; called from OnParametersSet.</summary>
    public void From(IReadOnlyDictionary<string, string> errors)
    {
        if (ReferenceEquals(errors, _errors)) return;
        _errors = errors;
        _changed.Clear();
    }

    public bool Has(string key) => _errors.ContainsKey(key) && !_changed.Contains(key);

    public string? Text(string key) => Has(key) ? _errors[key] : null;

    /// <summary>The messages still shown, for a summary above the form.</summary>
    public IEnumerable<string> Shown => _errors.Where(e => !_changed.Contains(e.Key)).Select(e => e.Value);

    /// <summary>The person changed this field: its message no longer describes what is typed.</summary>
    public void Changed(string key) => _changed.Add(key);
}
