using System.Text.Json;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>
/// Who may approve a document request (and extend its processing time): the Punong Barangay, who signs the barangay's
/// certificates (Local Government Code §389(b)), plus the positions a setting delegates it to
/// (<see cref="SettingKeys.DocumentApprovers"/>, a JSON list such as <c>["Secretary"]</c>; empty by default). The
/// service checks this, not only the page. The approver's name and position go on the approval entry of the history,
/// from which the certificate prints who approved.
/// </summary>
public static class DocumentApprovers
{
    public static async Task<IReadOnlyList<string>> DelegatedAsync(BarangayDbContext db, CancellationToken ct)
    {
        var json = await db.AppSettings.AsNoTracking().Where(s => s.Key == SettingKeys.DocumentApprovers).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return Read(json);
    }

    public static IReadOnlyList<string> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [];
            return doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!.Trim()).Where(p => OfficialPositions.All.Contains(p)).Distinct().ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Write(IEnumerable<string> positions) =>
        JsonSerializer.Serialize(positions.Where(p => OfficialPositions.All.Contains(p) && p != OfficialPositions.PunongBarangay).Distinct());

    public static bool MayApprove(string? position, IReadOnlyList<string> delegated) =>
        position is not null && (position == OfficialPositions.PunongBarangay || delegated.Contains(position));

    /// <summary>The caller's active official position, or null (an admin, a resident).</summary>
    public static Task<string?> PositionOfAsync(BarangayDbContext db, Guid? userId, CancellationToken ct) =>
        userId is not { } id
            ? Task.FromResult<string?>(null)
            : db.Officials.AsNoTracking().Where(o => o.UserId == id && o.Status == Officials.OfficialStatuses.Active)
                .Select(o => o.Position).FirstOrDefaultAsync(ct);

    /// <summary>"Only the Punong Barangay approves requests" or "… or the Secretary …" — the refusal names who may.</summary>
    /// <remarks>Whole sentences from the catalogue (the reader's language); the positions are titles, the same in both.</remarks>
    public static string Refusal(IReadOnlyList<string> delegated) => delegated.Count switch
    {
        0 => Texts.Say("Only the Punong Barangay may approve requests or extend their processing time."),
        1 => Texts.Say("Only the Punong Barangay or the {0} may approve requests or extend their processing time.", delegated[0]),
        _ => Texts.Say("Only the Punong Barangay or the {0} or the {1} may approve requests or extend their processing time.",
            string.Join(", ", delegated.Take(delegated.Count - 1)), delegated[^1]),
    };
}
