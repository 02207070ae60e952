using Barangay.Data.Files;
using Barangay.Data.Localization;
using Barangay.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Settings;

/// <summary>
/// The admins' settings page: reads and saves the <c>app_settings</c> the app uses and the document fees. Every
/// change is audited by the <see cref="Audit.AuditInterceptor"/> (old → new) in the same SaveChanges.
/// </summary>
public sealed class SettingsService(BarangayDb dbs, SettingsNotifier notifier)
{
    public const int DefaultUploadMaxMb = 10;
    public const int DefaultReviewDays = 3;
    public const int DefaultExportRetentionDays = 7;
    public const int DefaultExportUnusualResidents = 1_000;

    /// <summary>The current settings, or null when the caller may not manage them.</summary>
    public async Task<SettingsEdit?> GetAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return null;
        var keys = SettingFields.Keys.Values.ToList();
        var stored = await db.AppSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var types = await DocumentTypes(db).AsNoTracking().ToListAsync(ct);
        string? Raw(string field) => stored.GetValueOrDefault(SettingFields.Keys[field]);
        string Text(string field) => SettingJson.ReadText(Raw(field));

        var original = new Dictionary<string, string?>(stored);
        foreach (var t in types) original[FeeKey(t.Code)] = SettingJson.ReadFee(t.Meta).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SettingsEdit
        {
            BarangayName = Text(nameof(SettingsEdit.BarangayName)),
            Municipality = Text(nameof(SettingsEdit.Municipality)),
            Province = Text(nameof(SettingsEdit.Province)),
            Region = Text(nameof(SettingsEdit.Region)),
            SealFileId = Text(nameof(SettingsEdit.SealFileId)),
            MunicipalSealFileId = Text(nameof(SettingsEdit.MunicipalSealFileId)),
            HallSealsAtWindow = SettingJson.ReadBool(Raw(nameof(SettingsEdit.HallSealsAtWindow))),
            DrySealLine = Text(nameof(SettingsEdit.DrySealLine)),
            PunongBarangay = Text(nameof(SettingsEdit.PunongBarangay)),
            HallAddress = Text(nameof(SettingsEdit.HallAddress)),
            OfficeHours = Text(nameof(SettingsEdit.OfficeHours)),
            PrivacyNotice = Text(nameof(SettingsEdit.PrivacyNotice)),
            EmailSender = Text(nameof(SettingsEdit.EmailSender)),
            UploadMaxMb = SettingJson.ReadInt(Raw(nameof(SettingsEdit.UploadMaxMb)), DefaultUploadMaxMb),
            MfaRequiredForAdmins = SettingJson.ReadBool(Raw(nameof(SettingsEdit.MfaRequiredForAdmins))),
            RegistrationReviewDays = SettingJson.ReadInt(Raw(nameof(SettingsEdit.RegistrationReviewDays)), DefaultReviewDays),
            ExportRetentionDays = SettingJson.ReadInt(Raw(nameof(SettingsEdit.ExportRetentionDays)), DefaultExportRetentionDays),
            ExportUnusualResidents = SettingJson.ReadInt(Raw(nameof(SettingsEdit.ExportUnusualResidents)), DefaultExportUnusualResidents),
            DocumentApprovers = [.. Documents.DocumentApprovers.Read(Raw(nameof(SettingsEdit.DocumentApprovers)))],
            DefaultLanguage = Localization.AppLanguages.Match(Text(nameof(SettingsEdit.DefaultLanguage))) ?? Localization.AppLanguages.English,
            ReportLanguage = Reports.PrintLanguage.Of(Text(nameof(SettingsEdit.ReportLanguage))).Code,
            Holidays = SettingJson.ReadHolidays(Raw(nameof(SettingsEdit.Holidays)))
                .Select(h => new HolidayEdit(h.Date.ToString(HolidayEntry.DateFormat, System.Globalization.CultureInfo.InvariantCulture), h.Name)).ToList(),
            Fees = types.Select(t => new DocumentFeeEdit { Code = t.Code, Label = t.Label, Fee = SettingJson.ReadFee(t.Meta) }).ToList(),
            Original = original,
        };
    }

    /// <summary>The target type the seal is uploaded with (public: it heads every page and document).</summary>
    public const string SealTargetType = "BarangaySeal";

    /// <summary>The seal is shown to every visitor: only a picture uploaded as the seal, never another (private) file.</summary>
    private static async Task<string?> SealRefusalAsync(BarangayDbContext db, string? sealFileId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(sealFileId)) return null;
        if (!Guid.TryParse(sealFileId, out var id)) return Texts.Say("Seal image: upload the seal picture again.");
        var file = await db.Files.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.ContentType, f.Metadata }).FirstOrDefaultAsync(ct);
        if (file is null) return Texts.Say("Seal image: that file was not found; upload the seal picture again.");
        if (file.ContentType is not ("image/png" or "image/jpeg")) return Texts.Say("Seal image must be a PNG or JPEG picture.");
        var meta = FileMetadata.FromJson(file.Metadata);
        return meta.Sensitivity == FileSensitivity.Public && meta.TargetType == SealTargetType
            ? null
            : Texts.Say("Seal image must be a picture uploaded here as the seal.");
    }

    /// <summary>
    /// Validates everything, then saves only what changed, in one SaveChanges (one audit row per changed setting
    /// or fee). Refuses the whole save when another admin changed one of the same settings since the page loaded.
    /// </summary>
    public async Task<EditResult> UpdateAsync(SettingsEdit edit, CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (!caller.Can(Permissions.Settings.Manage)) return EditResult.Refused(Texts.Say("Only an administrator can change the settings."));
        var errors = SettingsValidator.Validate(edit);
        if (errors.Count > 0) return EditResult.Invalid(errors);
        if (await SealRefusalAsync(db, edit.SealFileId, ct) is { } seal) return EditResult.Invalid(nameof(SettingsEdit.SealFileId), seal);
        if (await SealRefusalAsync(db, edit.MunicipalSealFileId, ct) is { } municipal)
            return EditResult.Invalid(nameof(SettingsEdit.MunicipalSealFileId), municipal.Replace("Seal image", "Municipal seal image", StringComparison.Ordinal));

        var wanted = Serialize(edit);
        var keys = wanted.Keys.ToList();
        var rows = await db.AppSettings.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, ct);
        var conflicts = new List<string>();
        foreach (var (field, json) in wanted)
        {
            rows.TryGetValue(field, out var row);
            if (SameSetting(field, row?.Value, json)) continue;
            if (edit.Original.TryGetValue(field, out var loaded) && !SettingJson.SameValue(loaded, row?.Value))
            {
                conflicts.Add(SettingFields.LabelOfKey(field));
                continue;
            }
            if (row is null) db.AppSettings.Add(new AppSetting { Key = field, Value = json });
            else row.Value = json;
        }

        var codes = edit.Fees.Select(f => f.Code).ToList();
        var types = await DocumentTypes(db).Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, ct);
        foreach (var fee in edit.Fees)
        {
            if (!types.TryGetValue(fee.Code, out var type)) continue;
            var current = SettingJson.ReadFee(type.Meta);
            if (current == fee.Fee) continue;
            if (edit.Original.TryGetValue(FeeKey(fee.Code), out var loaded) && loaded is not null
                && decimal.Parse(loaded, System.Globalization.CultureInfo.InvariantCulture) != current)
            {
                conflicts.Add($"Fee for {type.Label}");
                continue;
            }
            type.Meta = SettingJson.WithFee(type.Meta, fee.Fee);
        }

        if (conflicts.Count > 0)
            return EditResult.Refused($"Someone else changed {string.Join(", ", conflicts)} since you opened this page. Nothing was saved: reload the page to see the current values, then make your change again.");
        if (!db.ChangeTracker.HasChanges()) return EditResult.Saved;
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync();
        return EditResult.Saved;
    }

    private static Dictionary<string, string> Serialize(SettingsEdit e) => new()
    {
        [SettingKeys.BarangayName] = SettingJson.Text(e.BarangayName),
        [SettingKeys.Municipality] = SettingJson.Text(e.Municipality),
        [SettingKeys.Province] = SettingJson.Text(e.Province),
        [SettingKeys.Region] = SettingJson.Text(e.Region),
        [SettingKeys.SealFileId] = SettingJson.Text(e.SealFileId),
        [SettingKeys.MunicipalSealFileId] = SettingJson.Text(e.MunicipalSealFileId ?? ""),
        [SettingKeys.HallSealsAtWindow] = SettingJson.Bool(e.HallSealsAtWindow),
        [SettingKeys.DrySealLine] = SettingJson.Text(e.DrySealLine ?? ""),
        [SettingKeys.PunongBarangay] = SettingJson.Text(e.PunongBarangay),
        [SettingKeys.HallAddress] = SettingJson.Text(e.HallAddress),
        [SettingKeys.OfficeHours] = SettingJson.Text(e.OfficeHours),
        [SettingKeys.PrivacyNotice] = SettingJson.Text(e.PrivacyNotice),
        [SettingKeys.EmailSender] = SettingJson.Text(e.EmailSender),
        [SettingKeys.UploadMaxMb] = SettingJson.Number(e.UploadMaxMb),
        [SettingKeys.RegistrationReviewDays] = SettingJson.Number(e.RegistrationReviewDays),
        [SettingKeys.Holidays] = SettingJson.Holidays(SettingsValidator.Holidays(e.Holidays)),
        [SettingKeys.MfaRequiredForAdmins] = SettingJson.Bool(e.MfaRequiredForAdmins),
        [SettingKeys.ExportRetentionDays] = SettingJson.Number(e.ExportRetentionDays),
        [SettingKeys.ExportUnusualResidents] = SettingJson.Number(e.ExportUnusualResidents),
        [SettingKeys.DocumentApprovers] = Documents.DocumentApprovers.Write(e.DocumentApprovers),
        [SettingKeys.DefaultLanguage] = SettingJson.Text(Localization.AppLanguages.Match(e.DefaultLanguage) ?? Localization.AppLanguages.English),
        [SettingKeys.ReportLanguage] = SettingJson.Text(Reports.PrintLanguage.Of(e.ReportLanguage).Code),
    };

    /// <summary>Holidays first stored as bare dates are the same as the same dates without names: no rewrite, no audit row.</summary>
    private static bool SameSetting(string key, string? stored, string wanted) =>
        key == SettingKeys.Holidays && stored is not null
            ? SettingJson.ReadHolidays(stored).SequenceEqual(SettingJson.ReadHolidays(wanted))
            // Never stored means off: saving "off" then is no change (no row, no audit row).
            : key == SettingKeys.MfaRequiredForAdmins ? SettingJson.ReadBool(stored) == SettingJson.ReadBool(wanted)
            // The certificate settings (issue 22) never stored mean blank or off: saving those is no change.
            : stored is null && key is SettingKeys.MunicipalSealFileId or SettingKeys.HallSealsAtWindow or SettingKeys.DrySealLine
                ? wanted is "\"\"" or "false"
            // Never stored means the Punong Barangay alone: saving no delegation then is no change.
            // Never stored means English: saving English then is no change.
            : key is SettingKeys.DefaultLanguage or SettingKeys.ReportLanguage && stored is null
                ? Localization.AppLanguages.Match(SettingJson.ReadText(wanted)) == Localization.AppLanguages.English
            : key == SettingKeys.DocumentApprovers ? Documents.DocumentApprovers.Read(stored).SequenceEqual(Documents.DocumentApprovers.Read(wanted))
            // Never stored means the default: saving the default then is no change either.
            : stored is null && NumberDefaults.TryGetValue(key, out var fallback) ? SettingJson.ReadInt(wanted, fallback) == fallback
            : SettingJson.SameValue(stored, wanted);

    private static readonly Dictionary<string, int> NumberDefaults = new()
    {
        [SettingKeys.ExportRetentionDays] = DefaultExportRetentionDays,
        [SettingKeys.ExportUnusualResidents] = DefaultExportUnusualResidents,
    };

    private static IQueryable<LookupValue> DocumentTypes(BarangayDbContext db) =>
        db.LookupValues.Where(l => l.Category == LookupCategories.DocumentType && !l.Retired).OrderBy(l => l.SortOrder).ThenBy(l => l.Label);

    private static string FeeKey(string code) => "fee:" + code;
}
