namespace Barangay.Data.Accounts;

public sealed record UserFilter(string? Search, string? Role, string? Status);

public sealed record UserRow(Guid Id, string UserName, string FullName, string? Email, IReadOnlyList<string> Roles, string Status, DateTime? LastLoginAt);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
