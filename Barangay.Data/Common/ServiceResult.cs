namespace Barangay.Data.Common;

/// <summary>
/// What a service operation came to: done, refused with messages per field, not found (also what another
/// resident's data looks like), or a concurrency conflict. Exceptions stay for bugs.
/// </summary>
public sealed record ServiceResult<T>(ResultKind Kind, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    public bool Ok => Kind == ResultKind.Ok;

    public static ServiceResult<T> Success(T value) => new(ResultKind.Ok, value, Empty, null);
    public static ServiceResult<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(ResultKind.Invalid, default, errors, string.Join(" ", errors.Values));
    public static ServiceResult<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });
    public static ServiceResult<T> NotFound() => new(ResultKind.NotFound, default, Empty, "Not found.");
    public static ServiceResult<T> Conflict(string message, T? current = default) => new(ResultKind.Conflict, current, Empty, message);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

public enum ResultKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}
