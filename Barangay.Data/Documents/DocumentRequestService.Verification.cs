using System.Text.RegularExpressions;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Documents.Verification;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>Whether the hall still stands behind a certificate: what the verify page asks the server when it is online.</summary>
public sealed record CertificateStatus(bool Known, bool Revoked, DateOnly? RevokedOn);

public sealed partial class DocumentRequestService
{
    public const string RevokeAction = "RevokeCertificate";
    public const string RotateKeyAction = "RotateSigningKey";

    /// <summary>
    /// Revokes an issued (approved or released) certificate, with the reason, audited in the same SaveChanges. The
    /// request keeps its status (it was issued); the public check says "revoked" from now on and it no longer prints.
    /// Needs the right to approve (<see cref="Permissions.Documents.Release"/>): taking back what one may issue.
    /// </summary>
    public async Task<ServiceResult<DocumentRequestDetail>> RevokeAsync(Guid id, Guid version, string reason, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        var row = await db.DocumentRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return ServiceResult<DocumentRequestDetail>.NotFound();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().FirstAsync(r => r.Id == row.ResidentId, ct);
        if (!caller.Can(Permissions.Documents.Release))
            return MayRead(caller, resident) ? Refused(Texts.Say("You may not revoke certificates.")) : ServiceResult<DocumentRequestDetail>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var labels = await LabelsAsync(db, ct);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        if (row.Version != version) return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(meta, row), ToDetail(row, resident, labels, now));
        if (meta.Certificate is null || row.Status is not (DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released))
            return ServiceResult<DocumentRequestDetail>.Invalid("Status", Texts.Say("Only an issued certificate can be revoked."));
        if (meta.Revocation is not null) return ServiceResult<DocumentRequestDetail>.Invalid("Status", Texts.Say("This certificate was already revoked on {0}.", Format(meta.Revocation.At)));
        var clean = reason?.Trim() ?? "";
        if (clean.Length == 0) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("Give the reason for revoking the certificate."));
        if (clean.Length > MaxReason) return ServiceResult<DocumentRequestDetail>.Invalid("Reason", Texts.Say("The reason is longer than {0} characters.", MaxReason));
        var actor = await ActorNameAsync(db, caller, ct);
        meta.Revocation = new CertificateRevocation(now, caller.UserId, actor, clean);
        row.Metadata = meta.ToJson();
        db.Record(RevokeAction, TargetType, row.Id.ToString(), new { request_id = row.RequestId, control_number = meta.Certificate.ControlNumber, reason = clean });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.DocumentRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return ServiceResult<DocumentRequestDetail>.Conflict(ChangedBy(DocumentRequestMetadata.Parse(current.Metadata), current), ToDetail(current, resident, labels, now));
        }
        return ServiceResult<DocumentRequestDetail>.Success(ToDetail(row, resident, labels, now));
    }

    /// <summary>
    /// Public: whether the certificate with <paramref name="controlNumber"/> was revoked. The verify page sends only the
    /// control number (never the holder's name); the answer is "revoked on" a date, never the reason or the holder.
    /// </summary>
    public async Task<CertificateStatus> StatusAsync(string? controlNumber, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(controlNumber) || controlNumber.Length > 120) return new(false, false, null);
        var m = RequestIdInControl().Match(controlNumber);
        if (!m.Success) return new(false, false, null);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.DocumentRequests.AsNoTracking().Where(r => r.RequestId == m.Value).Select(r => new { r.Status, r.Metadata }).FirstOrDefaultAsync(ct);
        if (row is null) return new(false, false, null);
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        if (meta.Certificate?.ControlNumber != controlNumber || row.Status is not (DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released))
            return new(false, false, null);
        return meta.Revocation is { } r ? new(true, true, DateOnly.FromDateTime(TimeZones.ToManila(r.At))) : new(true, false, null);
    }

    /// <summary>The barangay's public signing keys, newest first (the first is made on first use).</summary>
    public async Task<IReadOnlyList<PublicSigningKey>> SigningKeysAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await CertificateKeys.PublicAsync(db, ct);
    }

    /// <summary>An administrator retires the signing key and makes a new one (audited); what it signed still verifies.</summary>
    public async Task<ServiceResult<PublicSigningKey>> RotateSigningKeyAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return ServiceResult<PublicSigningKey>.NotFound();
        var key = await CertificateKeys.RotateAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        db.Record(RotateKeyAction, "CertificateSigningKey", key.KeyId, new { key_id = key.KeyId });
        await db.SaveChangesAsync(ct);
        return ServiceResult<PublicSigningKey>.Success(new PublicSigningKey(key.KeyId, key.PublicKey, CertificateKeys.Fingerprint(Convert.FromBase64String(key.PublicKey)), key.CreatedAt, null));
    }

    [GeneratedRegex(@"REQ-\d{4}-\d+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RequestIdInControl();
}
