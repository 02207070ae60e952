using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Barangay.Data.Common;

/// <summary>
/// The clock a context was built with (the <see cref="TimeProvider"/> its <see cref="TimestampInterceptor"/> stamps with), for the
/// static helpers that add rows to a caller's context (audit rows, queued email, messages) and so have no clock of their own.
/// </summary>
public static class ContextClock
{
    public static TimeProvider Clock(this DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<TimestampInterceptor>().FirstOrDefault()?.Clock
        ?? TimeProvider.System;

    /// <summary>"Now" on the context's clock, as the UTC <see cref="DateTime"/> the entities store.</summary>
    public static DateTime UtcNow(this DbContext db) => db.Clock().GetUtcNow().UtcDateTime;
}
