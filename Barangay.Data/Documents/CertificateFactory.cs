using System.Globalization;
using System.Text.Json;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Barangay.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Documents;

/// <summary>Freezes what a certificate shows at approval, from the request, the resident and the barangay's settings.</summary>
internal static class CertificateFactory
{
    public static async Task<CertificateData> FreezeAsync(BarangayDbContext db, DocumentRequest row, Resident resident, DocumentRequestMetadata meta,
        PaymentInfo? payment, string code, DateTime now, CancellationToken ct)
    {
        var keys = new[] { SettingKeys.BarangayName, SettingKeys.Municipality, SettingKeys.Province, SettingKeys.Region, SettingKeys.SealFileId, SettingKeys.PunongBarangay, SettingKeys.MunicipalSealFileId, SettingKeys.DrySealLine };
        var settings = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => Text(s.Value), ct);
        string S(string k) => settings.GetValueOrDefault(k) ?? "";
        var typeRow = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.DocumentType && l.Code == row.Type).Select(l => new { l.Label, l.Meta }).FirstOrDefaultAsync(ct);
        var type = DocumentType.Parse(row.Type, typeRow?.Label ?? meta.TypeLabel ?? row.Type, typeRow?.Meta);
        var purokLabel = await db.LookupValues.AsNoTracking().Where(l => l.Category == LookupCategories.Purok && l.Code == resident.Purok).Select(l => l.Label).FirstOrDefaultAsync(ct);
        var barangay = S(SettingKeys.BarangayName) is { Length: > 0 } b ? b : "Barangay";
        var locality = string.Join(", ", new[] { S(SettingKeys.Municipality), S(SettingKeys.Province) }.Where(x => x.Length > 0));
        var address = string.Join(", ", new[] { resident.Address, purokLabel }.Where(x => !string.IsNullOrWhiteSpace(x)));
        if (address.Length == 0) address = "this barangay";
        var today = TimeZones.ManilaToday(db.Clock());
        var name = DocumentRequestService.Name(resident).ToUpper(CultureInfo.GetCultureInfo("en-PH"));
        // The wording in the language chosen with the request (issue 26, item 4), else the holder's account language
        // (issue 22, item 3): Filipino when the type has a Filipino version, English otherwise.
        var language = type.LanguageFor(meta.Language ?? await Localization.RecipientLanguage.OfAsync(db, resident.UserId, ct));
        var words = Localization.AppLanguages.Culture(language);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = name,
            ["age"] = Ages.On(resident.Dob, today).ToString(CultureInfo.InvariantCulture),
            // Unknown civil status prints blank: "Filipino" is a citizenship, never a civil status (issue 22, item 2).
            // In the wording's language ("single" / "walang asawa").
            ["civil_status"] = string.IsNullOrWhiteSpace(resident.MaritalStatus) ? "" : Localization.Texts.Get(resident.MaritalStatus, words).ToLower(words),
            ["address"] = address,
            ["barangay"] = barangay,
            ["locality"] = locality,
            ["purpose"] = meta.Purpose,
        };
        foreach (var f in meta.Fields) values[f.Key] = f.Value;
        // A blank value (civil status not recorded) leaves no ", ," behind.
        var template = type.TemplateFor(language);
        var body = System.Text.RegularExpressions.Regex.Replace(Fill(template, values), @",\s*,", ",", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        var validity = type.ValidityDays > 0 ? type.ValidityDays : 180;
        var control = $"{barangay.Replace("Barangay ", "", StringComparison.OrdinalIgnoreCase).ToUpperInvariant().Replace(' ', '-')}-{row.RequestId}";
        var typeLabel = meta.TypeLabel ?? type.Label;
        var issuedOn = DateOnly.FromDateTime(TimeZones.ToManila(now));
        var validUntil = issuedOn.AddDays(validity);
        var signatory = await CertificateSignatory.FromHistoryAsync(db, meta, S(SettingKeys.PunongBarangay), ct);
        var (keyId, fingerprint, key) = await Verification.CertificateKeys.CurrentAsync(db, ct);
        string payload;
        using (key) payload = Verification.CertificatePayload.Sign(new Verification.CertificateClaims(control, typeLabel, name, issuedOn, validUntil, barangay), keyId, key);
        return new CertificateData(control, code, typeLabel, name, address, body, meta.Purpose, now,
            validUntil, barangay, locality, S(SettingKeys.Region),
            S(SettingKeys.PunongBarangay), settings.GetValueOrDefault(SettingKeys.SealFileId) is { Length: > 0 } seal ? seal : null,
            payment?.OrNumber, payment?.Amount ?? 0, payment?.Waived == true ? payment.WaiverReason : null, payload, fingerprint,
            S(SettingKeys.Province), S(SettingKeys.Municipality), S(SettingKeys.MunicipalSealFileId) is { Length: > 0 } m ? m : null, signatory,
            S(SettingKeys.DrySealLine) is { Length: > 0 } dry ? dry : null,
            payment?.PaidAt is { } paid && payment.OrNumber is not null ? DateOnly.FromDateTime(TimeZones.ToManila(paid)) : null,
            type.NeedsCtc ? new CertificateCtc(meta.Fields.GetValueOrDefault("ctc_number"), meta.Fields.GetValueOrDefault("ctc_issued_on"), meta.Fields.GetValueOrDefault("ctc_issued_at")) : null,
            type.NeedsOath, language, type.IdPhoto,
            type.IdPhoto ? (await HolderPhoto.OnRecordAsync(db, resident, ct))?.ToString() : null,
            type.NeedsOath ? Ages.On(resident.Dob, today) : null,
            type.NeedsOath && resident.ResidentSince is { } since ? CertificateOathPage.Duration(since, issuedOn) : null);
    }

    /// <summary>Replaces <c>{key}</c> placeholders; unknown ones are left blank rather than printed raw.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([a-z_]+)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Text(string? json)
    {
        try
        {
            if (json is null) return "";
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() ?? "" : doc.RootElement.ToString();
        }
        catch (JsonException)
        {
            return json ?? "";
        }
    }
}
