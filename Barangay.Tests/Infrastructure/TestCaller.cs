using Barangay.Data.Security;

namespace Barangay.Tests.Infrastructure;

/// <summary>Who is signed in for a service test. The permissions come from the real role mapping.</summary>
public sealed class TestCaller : ICurrentUser
{
    public Caller Current { get; set; } = Caller.Anonymous;

    public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(Current);

    public static Caller As(Guid userId, string name, IReadOnlyList<string> roles, string? position = null) =>
        new(userId, name, roles, RolePermissions.For(roles, position), "127.0.0.1", "xunit", Guid.NewGuid());
}
