using System.Text.Json;
using Barangay.Data.Accounts;
using Barangay.Data.Announcements;
using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Households;
using Barangay.Data.Officials;
using Barangay.Data.Residents;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Barangay.Data.Audit;

/// <summary>
/// Writes one <c>audit_logs</c> row per created, changed or deleted record of the audited kinds, in the
/// same SaveChanges (so the same transaction) as the change, with old → new values of what changed.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Audited entity types and the <c>target_type</c> they are recorded as.</summary>
    private static readonly Dictionary<Type, string> Targets = new()
    {
        [typeof(User)] = "User",
        [typeof(Resident)] = "Resident",
        [typeof(Household)] = "Household",
        [typeof(HouseholdMember)] = "HouseholdMember",
        [typeof(Official)] = "Official",
        [typeof(DocumentRequest)] = "DocumentRequest",
        [typeof(Complaint)] = "Complaint",
        [typeof(CommunityEvent)] = "Event",
        [typeof(EventRegistration)] = "EventRegistration",
        [typeof(Announcement)] = "Announcement",
        [typeof(RegistrationPending)] = "Registration",
        [typeof(AppSetting)] = "Setting",
        [typeof(LookupValue)] = "LookupValue",
    };

    /// <summary>Bookkeeping columns that would only add noise to the trail.</summary>
    private static readonly HashSet<string> Ignored =
    [
        "UpdatedAt", "CreatedAt", "Version", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail",
        "AccessFailedCount", "LockoutEnd", "LastLoginAt", "LastLoginIp",
    ];

    /// <summary>Secrets: the trail says that they changed, never their values.</summary>
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Write(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Write(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public static bool IsAudited(Type t) => Targets.ContainsKey(t);

    private void Write(DbContext? context)
    {
        if (context is not BarangayDbContext db) return;
        var rows = new List<AuditLog>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (!Targets.TryGetValue(entry.Metadata.ClrType, out var target)) continue;
            var row = entry.State switch
            {
                EntityState.Added => Row(db, AuditActions.Create, target, entry, Snapshot(entry)),
                EntityState.Modified => Modified(db, target, entry),
                EntityState.Deleted => Row(db, AuditActions.Delete, target, entry, Snapshot(entry)),
                _ => null,
            };
            if (row is not null) rows.Add(row);
        }
        db.AuditLogs.AddRange(rows);
        // The one place every audit row passes before it is written (and it can never be changed afterwards):
        // an ID number under any key is masked here, whoever recorded it.
        foreach (var log in db.ChangeTracker.Entries<AuditLog>().Where(e => e.State == EntityState.Added))
            log.Entity.Details = Common.IdNumbers.MaskJson(log.Entity.Details);
    }

    private AuditLog? Modified(BarangayDbContext db, string target, EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (!p.IsModified || Ignored.Contains(name) || Equals(p.OriginalValue, p.CurrentValue)) continue;
            changes[Column(p)] = Secret.Contains(name) || IsSealed(p)
                ? "(changed)"
                : new Dictionary<string, object?> { ["old"] = Stored(p, p.OriginalValue), ["new"] = Stored(p, p.CurrentValue) };
        }
        if (changes.Count == 0) return null;
        var action = AuditActions.Update;
        if (entry.Properties.Any(p => p.Metadata.Name == "DeletedAt" && p.IsModified && p.OriginalValue is null && p.CurrentValue is not null))
            action = AuditActions.Delete;
        else if (changes.Count == 1 && changes.ContainsKey("status"))
            action = AuditActions.StatusChange;
        return Row(db, action, target, entry, new Dictionary<string, object?> { ["changes"] = changes });
    }

    private static Dictionary<string, object?> Snapshot(EntityEntry entry) => new()
    {
        ["values"] = entry.Properties
            .Where(p => !Ignored.Contains(p.Metadata.Name) && !Secret.Contains(p.Metadata.Name))
            .ToDictionary(Column, p => IsSealed(p) && p.CurrentValue is not null ? "(encrypted)" : Stored(p, p.CurrentValue)),
    };

    /// <summary>An encrypted column (<see cref="EncryptedColumns"/>): the trail says that it changed, never what it says.</summary>
    private static bool IsSealed(PropertyEntry p) => EncryptedColumns.IsEncrypted(p.Metadata) && !EncryptedColumns.HasEncryptedMembers(p.Metadata);

    /// <summary>A JSON column with encrypted members is recorded as stored: its structure readable, those members not.</summary>
    private static object? Stored(PropertyEntry p, object? value) =>
        value is not null && EncryptedColumns.HasEncryptedMembers(p.Metadata) ? p.Metadata.GetValueConverter()!.ConvertToProvider(value) : value;

    private static string Column(PropertyEntry p) => p.Metadata.GetColumnName();

    private AuditLog Row(BarangayDbContext db, string action, string target, EntityEntry entry, Dictionary<string, object?> details)
    {
        var actor = db.Actor;
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditLog
        {
            Id = Guid.NewGuid(),
            Timestamp = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor?.UserId,
            ActorName = actor?.Name,
            ActionType = action,
            TargetType = target,
            TargetId = string.Join("/", key),
            IpAddress = actor?.IpAddress,
            UserAgent = actor?.UserAgent,
            CorrelationId = actor?.CorrelationId,
            Details = JsonSerializer.Serialize(details, AuditJson.Options),
        };
    }
}
