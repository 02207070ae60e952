using Barangay.Data.Audit;
using Barangay.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

public sealed partial class DocumentRequestService
{
    public const string PrintAction = "Print";
    public const string ReprintAction = "Reprint";

    /// <summary>
    /// The frozen certificate to print, for its resident or the hall; null when the request is not theirs, not approved
    /// or has none. Printing only reads the request and writes one audit row per print (the second and later as
    /// re-prints): it never changes the request, so it is safe as a GET and cannot lose its audit row to a concurrent
    /// change of the request. Releasing is <see cref="ReleaseAsync"/> (the hall) or <see cref="ReceiveAsync"/> (the resident).
    /// </summary>
    public async Task<CertificateData?> PrintAsync(Guid id, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        // The request and its holder's account in one round trip (the holder may read their own; a removed resident's
        // certificate still prints for the hall, hence no soft-delete filter).
        var row = await (from r in db.DocumentRequests.AsNoTracking().IgnoreQueryFilters()
                         join p in db.Residents on r.ResidentId equals p.Id
                         where r.Id == id
                         select new { r.RequestId, r.Status, r.Metadata, HolderUserId = p.UserId }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        if (!MayRead(caller, row.HolderUserId))
        {
            await RecordRefusalAsync(db, id, "print", ct);
            return null;
        }
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        var certificate = meta.Certificate;
        if (certificate is null || meta.Revocation is not null || row.Status is not (DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released)) return null;
        var target = id.ToString();
        // The count is for the reader of the audit log; two prints at the same instant may both say "Print", and both are written.
        var earlier = await db.AuditLogs.AsNoTracking()
            .CountAsync(a => a.TargetType == TargetType && a.TargetId == target && (a.ActionType == PrintAction || a.ActionType == ReprintAction), ct);
        db.Record(earlier > 0 ? ReprintAction : PrintAction, TargetType, target,
            new { request_id = row.RequestId, control_number = certificate.ControlNumber, print = earlier + 1, status = row.Status });
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    /// <summary>The public check behind the QR code. Anything but a genuine code of an issued certificate is "not genuine".</summary>
    public async Task<CertificateVerification> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (codes.Read(code) is not { } id) return CertificateVerification.NotGenuine;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.DocumentRequests.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status, r.Metadata }).FirstOrDefaultAsync(ct);
        if (row is null || row.Status is not (DocumentRequestStatuses.Approved or DocumentRequestStatuses.Released)) return CertificateVerification.NotGenuine;
        var meta = DocumentRequestMetadata.Parse(row.Metadata);
        var c = meta.Certificate;
        if (c is null || c.VerificationCode != code) return CertificateVerification.NotGenuine;
        return new CertificateVerification(true, c.TypeLabel, MaskSurname(c.HolderName), c.IssuedAt, c.ValidUntil, c.BarangayName,
            meta.Revocation is { } r ? DateOnly.FromDateTime(TimeZones.ToManila(r.At)) : null);
    }

    /// <summary>"JUAN P. DELA CRUZ" → "JUAN P. D." (the holder's surname initial only).</summary>
    internal static string MaskSurname(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count <= 1) return parts.Count == 1 ? parts[0][0] + "." : "";
        var suffixes = new[] { "JR.", "SR.", "II", "III", "IV", "JR", "SR" };
        if (suffixes.Contains(parts[^1].ToUpperInvariant())) parts.RemoveAt(parts.Count - 1);
        // Given names and the middle initial stay; the surname (which may be "DELA CRUZ") becomes its initial.
        var middle = parts.FindLastIndex(p => p.Length == 2 && p.EndsWith('.'));
        var surnameStart = middle >= 0 && middle < parts.Count - 1 ? middle + 1 : parts.Count - 1;
        return string.Join(" ", parts.Take(surnameStart)) + " " + parts[surnameStart][0] + ".";
    }
}
