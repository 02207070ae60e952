using System.Text.Json;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Complaints.Kp;

/// <summary>The offices the Local Government Code names for the steps of a KP case.</summary>
public static class KpOffices
{
    /// <summary>The Punong Barangay, chairman of the Lupon (sec. 399(a)).</summary>
    public const string LuponChairman = "lupon_chairman";
    /// <summary>The barangay secretary, secretary of the Lupon (sec. 399(f)): keeps the records, certifies, transmits (secs. 412, 419).</summary>
    public const string LuponSecretary = "lupon_secretary";
    /// <summary>Chosen by the Pangkat from among its members (sec. 404(b)).</summary>
    public const string PangkatChairman = "pangkat_chairman";
    /// <summary>Chosen by the Pangkat from among its members; keeps its minutes (sec. 404(b)).</summary>
    public const string PangkatSecretary = "pangkat_secretary";

    public static string Title(string office, string language) => (office, language) switch
    {
        (LuponChairman, KpLanguages.Filipino) => "Punong Barangay/Pangulo ng Lupon",
        (LuponChairman, _) => "Punong Barangay/Lupon Chairman",
        (LuponSecretary, KpLanguages.Filipino) => "Kalihim ng Lupon",
        (LuponSecretary, _) => "Lupon Secretary",
        (PangkatChairman, KpLanguages.Filipino) => "Pangulo ng Pangkat",
        (PangkatChairman, _) => "Pangkat Chairman",
        (PangkatSecretary, KpLanguages.Filipino) => "Kalihim ng Pangkat",
        _ => "Pangkat Secretary",
    };

    private static string Named(string office) => office switch
    {
        LuponChairman => "the Punong Barangay (Lupon chairman)",
        LuponSecretary => "the Lupon secretary",
        PangkatChairman => "the Pangkat chairman",
        _ => "the Pangkat secretary",
    };

    /// <summary>"Only the Punong Barangay (Lupon chairman) or the Lupon secretary may …": the refusal naming who may.</summary>
    public static string Refusal(string what, IReadOnlyList<string> allowed) =>
        // In the reader's language: the offices and the act are catalogue entries (Texts*.resx) as well as the sentence.
        Localization.Texts.Say("Only {0} may {1}.", string.Join(Localization.Texts.Say(" or "), allowed.Select(o => Localization.Texts.Say(Named(o)))), Localization.Texts.Say(what));
}

/// <summary>The caller's offices on one case: from the officials roster (position and account) and the case's Pangkat.</summary>
public sealed record KpCallerOffices(Guid? UserId, string Name, IReadOnlySet<string> Offices)
{
    public bool Holds(IEnumerable<string> offices) => offices.Any(Offices.Contains);

    internal static async Task<KpCallerOffices> ForAsync(BarangayDbContext db, Caller caller, KpCase? kp, CancellationToken ct)
    {
        var offices = new HashSet<string>();
        if (caller.UserId is not { } me) return new(null, "", offices);
        var official = await db.Officials.AsNoTracking()
            .Where(o => (o.UserId == me || o.LinkedUserId == me) && o.Status == OfficialStatuses.Active)
            .Select(o => new { o.FullName, o.Position }).FirstOrDefaultAsync(ct);
        if (official?.Position == OfficialPositions.PunongBarangay) offices.Add(KpOffices.LuponChairman);
        if (official?.Position == OfficialPositions.Secretary) offices.Add(KpOffices.LuponSecretary);
        foreach (var m in kp is null ? [] : KpService.PangkatOf(kp))
        {
            if (m.UserId != me) continue;
            if (m.Role == KpPangkatRoles.Chairman) offices.Add(KpOffices.PangkatChairman);
            if (m.Role == KpPangkatRoles.Secretary) offices.Add(KpOffices.PangkatSecretary);
        }
        return new(me, official?.FullName ?? caller.Name ?? "", offices);
    }
}

public sealed partial class KpService
{
    internal static List<KpPangkatMember> PangkatOf(KpCase k) =>
        k.Pangkat is null ? [] : JsonSerializer.Deserialize<List<KpPangkatMember>>(k.Pangkat, Json) ?? [];

    /// <summary>The name of the official now holding a position (the signatory the forms print), or the title alone.</summary>
    internal static async Task<string> HolderAsync(BarangayDbContext db, string position, CancellationToken ct) =>
        await db.Officials.AsNoTracking().Where(o => o.Position == position && o.Status == OfficialStatuses.Active)
            .OrderBy(o => o.TermStart).Select(o => o.FullName).FirstOrDefaultAsync(ct) ?? position;

    /// <summary>Adds the act to the case's record of who did and signs what.</summary>
    internal static void AddAct(KpCase kp, string step, DateTime at, Guid? by, string signedBy, string office) =>
        kp.Acts = JsonSerializer.Serialize(
            (JsonSerializer.Deserialize<List<KpAct>>(kp.Acts, Json) ?? []).Append(new KpAct(step, at, by, signedBy, office)), Json);

    internal static List<KpAct> ActsOf(KpCase kp) => JsonSerializer.Deserialize<List<KpAct>>(kp.Acts, Json) ?? [];
}

/// <summary>A serving Lupon member, for choosing a Pangkat.</summary>
public sealed record KpLuponMember(Guid OfficialId, string Name);

public sealed partial class KpService
{
    /// <summary>The serving members of the Lupon (officials of that position), by name.</summary>
    public async Task<IReadOnlyList<KpLuponMember>> LuponMembersAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Complaints.Handle)) return [];
        return await db.Officials.AsNoTracking().Where(o => o.Position == OfficialPositions.LuponMember && o.Status == OfficialStatuses.Active)
            .OrderBy(o => o.FullName).Select(o => new KpLuponMember(o.Id, o.FullName)).ToListAsync(ct);
    }
}
