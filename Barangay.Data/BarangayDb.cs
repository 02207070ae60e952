using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data;

/// <summary>
/// Opens a short-lived <see cref="BarangayDbContext"/> for one operation with the caller recorded as the
/// audit actor. Holds no context itself, so it is safe in a long-lived circuit.
/// </summary>
public sealed class BarangayDb(IDbContextFactory<BarangayDbContext> factory, ICurrentUser currentUser)
{
    public async Task<(BarangayDbContext Db, Caller Caller)> OpenAsync(CancellationToken ct = default)
    {
        var caller = await currentUser.GetAsync(ct);
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = caller.ToActor();
        return (db, caller);
    }

    public Task<Caller> CallerAsync(CancellationToken ct = default) => currentUser.GetAsync(ct);
}
