using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Replicas;

/// <summary>
/// <see cref="BarangayDb"/> for stale-tolerant reads: contexts from <see cref="StaleReadContextFactory"/> (a replica when one
/// is configured, answering and within the bound; else the primary). Only reads that may be
/// <see cref="ReadReplicaOptions.MaxStaleness"/> old use it; anything that writes, or that shows a user what they just did,
/// opens <see cref="BarangayDb"/>.
/// </summary>
public sealed class BarangayReadDb(IDbContextFactory<BarangayDbContext> factory, ICurrentUser currentUser)
{
    public async Task<(BarangayDbContext Db, Caller Caller)> OpenAsync(CancellationToken ct = default)
    {
        var caller = await currentUser.GetAsync(ct);
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = caller.ToActor();
        return (db, caller);
    }
}
