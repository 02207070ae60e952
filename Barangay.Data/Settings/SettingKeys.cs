namespace Barangay.Data.Settings;

/// <summary>Keys of <c>app_settings</c>. Values are JSON.</summary>
public static class SettingKeys
{
    public const string BarangayName = "barangay.name";
    public const string Municipality = "barangay.municipality";
    public const string Province = "barangay.province";
    public const string Region = "barangay.region";
    public const string SealFileId = "barangay.seal_file_id";
    /// <summary>The municipality's (or city's) seal, printed at the right of a certificate's header.</summary>
    public const string MunicipalSealFileId = "barangay.municipal_seal_file_id";
    /// <summary>true: the hall still dry-seals certificates at the window, so a resident's download shows the certificate but does not release it.</summary>
    public const string HallSealsAtWindow = "documents.hall_seals_at_window";
    /// <summary>The line printed at the foot of a certificate, e.g. "Not valid without the official dry seal."; blank prints none.</summary>
    public const string DrySealLine = "documents.dry_seal_line";
    public const string PunongBarangay = "barangay.punong_barangay";
    public const string HallAddress = "hall.address";
    public const string OfficeHours = "hall.office_hours";
    public const string Holidays = "calendar.holidays";
    public const string RegistrationReviewDays = "registration.review_days";
    public const string EmailSender = "email.sender";
    public const string UploadMaxMb = "uploads.max_mb";
    public const string PrivacyNotice = "privacy.notice";
    /// <summary>Days an export file is kept (default 7).</summary>
    public const string ExportRetentionDays = "exports.retention_days";
    /// <summary>Residents one user may export in a day before the admins are told (default 1,000).</summary>
    public const string ExportUnusualResidents = "exports.unusual_residents_per_day";
    /// <summary>true: an administrator must use an authenticator app (MFA) before doing anything else.</summary>
    public const string MfaRequiredForAdmins = "security.mfa_required_for_admins";
    /// <summary>Positions besides the Punong Barangay that may approve document requests: a JSON list, empty by default (Documents/DocumentApprovers).</summary>
    public const string DocumentApprovers = "documents.approvers";
    /// <summary>The language of a first visit from a browser that names neither English nor Filipino (JSON "en-PH" or "fil-PH"; never stored: English).</summary>
    public const string DefaultLanguage = Localization.LanguagePreferences.DefaultLanguageKey;
    /// <summary>The language of the hall's printed reports (JSON "en-PH" or "fil-PH"; never stored: English). Issue 26, item 4.</summary>
    public const string ReportLanguage = Reports.PrintLanguage.SettingKey;
    public const string DemoSeededAt = "demo.seeded_at";
}
