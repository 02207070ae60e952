namespace Barangay.Data.Settings;

/// <summary>Names the settings in the barangay's words: validation messages, form labels and the audit viewer use these.</summary>
public static class SettingFields
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(SettingsEdit.BarangayName)] = "Barangay name",
        [nameof(SettingsEdit.Municipality)] = "Municipality or city",
        [nameof(SettingsEdit.Province)] = "Province",
        [nameof(SettingsEdit.Region)] = "Region",
        [nameof(SettingsEdit.SealFileId)] = "Seal image (file id)",
        [nameof(SettingsEdit.MunicipalSealFileId)] = "Municipal seal image (file id)",
        [nameof(SettingsEdit.HallSealsAtWindow)] = "Certificates are sealed at the window",
        [nameof(SettingsEdit.DrySealLine)] = "Dry seal line",
        [nameof(SettingsEdit.PunongBarangay)] = "Punong Barangay",
        [nameof(SettingsEdit.HallAddress)] = "Barangay hall address",
        [nameof(SettingsEdit.OfficeHours)] = "Office hours",
        [nameof(SettingsEdit.Fees)] = "Document fees",
        [nameof(SettingsEdit.Holidays)] = "Holidays",
        [nameof(SettingsEdit.RegistrationReviewDays)] = "Registration review days",
        [nameof(SettingsEdit.EmailSender)] = "Email sender",
        [nameof(SettingsEdit.UploadMaxMb)] = "Upload limit (MB)",
        [nameof(SettingsEdit.PrivacyNotice)] = "Privacy notice",
        [nameof(SettingsEdit.MfaRequiredForAdmins)] = "MFA required for admins",
        [nameof(SettingsEdit.ExportRetentionDays)] = "Export retention (days)",
        [nameof(SettingsEdit.ExportUnusualResidents)] = "Unusual export (residents per user per day)",
        [nameof(SettingsEdit.DocumentApprovers)] = "Who else may approve document requests",
        [nameof(SettingsEdit.DefaultLanguage)] = "Default language",
        [nameof(SettingsEdit.ReportLanguage)] = "Language of printed reports",
    };

    /// <summary>The <c>app_settings</c> key of each field (fees live in lookup values instead).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        [nameof(SettingsEdit.BarangayName)] = SettingKeys.BarangayName,
        [nameof(SettingsEdit.Municipality)] = SettingKeys.Municipality,
        [nameof(SettingsEdit.Province)] = SettingKeys.Province,
        [nameof(SettingsEdit.Region)] = SettingKeys.Region,
        [nameof(SettingsEdit.SealFileId)] = SettingKeys.SealFileId,
        [nameof(SettingsEdit.MunicipalSealFileId)] = SettingKeys.MunicipalSealFileId,
        [nameof(SettingsEdit.HallSealsAtWindow)] = SettingKeys.HallSealsAtWindow,
        [nameof(SettingsEdit.DrySealLine)] = SettingKeys.DrySealLine,
        [nameof(SettingsEdit.PunongBarangay)] = SettingKeys.PunongBarangay,
        [nameof(SettingsEdit.HallAddress)] = SettingKeys.HallAddress,
        [nameof(SettingsEdit.OfficeHours)] = SettingKeys.OfficeHours,
        [nameof(SettingsEdit.Holidays)] = SettingKeys.Holidays,
        [nameof(SettingsEdit.RegistrationReviewDays)] = SettingKeys.RegistrationReviewDays,
        [nameof(SettingsEdit.EmailSender)] = SettingKeys.EmailSender,
        [nameof(SettingsEdit.UploadMaxMb)] = SettingKeys.UploadMaxMb,
        [nameof(SettingsEdit.PrivacyNotice)] = SettingKeys.PrivacyNotice,
        [nameof(SettingsEdit.MfaRequiredForAdmins)] = SettingKeys.MfaRequiredForAdmins,
        [nameof(SettingsEdit.ExportRetentionDays)] = SettingKeys.ExportRetentionDays,
        [nameof(SettingsEdit.ExportUnusualResidents)] = SettingKeys.ExportUnusualResidents,
        [nameof(SettingsEdit.DocumentApprovers)] = SettingKeys.DocumentApprovers,
        [nameof(SettingsEdit.DefaultLanguage)] = SettingKeys.DefaultLanguage,
        [nameof(SettingsEdit.ReportLanguage)] = SettingKeys.ReportLanguage,
    };

    /// <summary>"Barangay name" for <c>barangay.name</c>; the key itself for settings the page does not edit.</summary>
    public static string LabelOfKey(string key) =>
        Keys.FirstOrDefault(k => k.Value == key) is { Key: not null } f ? Labels[f.Key] : key;

    /// <summary>The validation key of one document type's fee.</summary>
    public static string FeeField(string code) => $"{nameof(SettingsEdit.Fees)}:{code}";
}
