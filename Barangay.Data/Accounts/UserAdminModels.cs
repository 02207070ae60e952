namespace Barangay.Data.Accounts;

public sealed record UserFilter(string? Search, string? Role, string? Status);

public sealed record UserRow(Guid Id, string UserName, string FullName, string? Email, IReadOnlyList<string> Roles, string Status, DateTime? LastLoginAt, bool MfaEnabled = false);

/// <summary>One page of a list and the number of matches; <paramref name="TotalIsCapped"/> when there are more than <paramref name="Total"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped = false);
