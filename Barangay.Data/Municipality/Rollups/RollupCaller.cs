using Barangay.Data.Security;

namespace Barangay.Data.Municipality.Rollups;

/// <summary>
/// Who the barangay's own report code sees when the municipality asks for counts: a caller holding only
/// <see cref="Permissions.Reports.View"/> (the monitoring reports are counts; no resident's record is reachable with it).
/// </summary>
internal sealed class RollupCaller : ICurrentUser
{
    public static readonly RollupCaller Instance = new();

    private static readonly Caller Caller = new(null, "municipal roll-up", [], new HashSet<string> { Permissions.Reports.View }, null, null, Guid.Empty);

    public Task<Caller> GetAsync(CancellationToken ct = default) => Task.FromResult(Caller);
}
