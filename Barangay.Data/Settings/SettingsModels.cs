namespace Barangay.Data.Settings;

/// <summary>
/// The settings page's edit model. <see cref="Original"/> holds the stored values it was loaded from, so a
/// save can tell when another admin changed the same setting in the meantime.
/// </summary>
public sealed class SettingsEdit
{
    public string BarangayName { get; set; } = "";
    public string Municipality { get; set; } = "";
    public string Province { get; set; } = "";
    public string Region { get; set; } = "";
    /// <summary>The id of the uploaded seal image in the file store; empty shows the default seal.</summary>
    public string SealFileId { get; set; } = "";
    public string MunicipalSealFileId { get; set; } = "";
    public bool HallSealsAtWindow { get; set; }
    public string DrySealLine { get; set; } = "";
    public string PunongBarangay { get; set; } = "";
    public string HallAddress { get; set; } = "";
    public string OfficeHours { get; set; } = "";
    public List<DocumentFeeEdit> Fees { get; set; } = [];
    public List<HolidayEdit> Holidays { get; set; } = [];
    public int RegistrationReviewDays { get; set; }
    public string EmailSender { get; set; } = "";
    public int UploadMaxMb { get; set; }
    public string PrivacyNotice { get; set; } = "";
    /// <summary>Admins must set up an authenticator app (MFA) before doing anything else.</summary>
    public bool MfaRequiredForAdmins { get; set; }
    /// <summary>Days an export's file is kept; its <c>retention_until</c> is the day it was made plus these.</summary>
    public int ExportRetentionDays { get; set; }
    /// <summary>Residents one user may export in a (Manila) day before the admins are told ("unusual export").</summary>
    public int ExportUnusualResidents { get; set; }
    /// <summary>Positions besides the Punong Barangay that may approve document requests (Documents/DocumentApprovers).</summary>
    public List<string> DocumentApprovers { get; set; } = [];
    /// <summary>The language a first visit gets when the browser names neither of ours (<see cref="Localization.AppLanguages"/>).</summary>
    public string DefaultLanguage { get; set; } = Localization.AppLanguages.English;
    /// <summary>The language of the hall's printed reports (<see cref="Reports.PrintLanguage"/>): English unless the barangay chooses Filipino.</summary>
    public string ReportLanguage { get; set; } = Localization.AppLanguages.English;

    public IReadOnlyDictionary<string, string?> Original { get; set; } = new Dictionary<string, string?>();
}

/// <summary>The fee of one document type (kept in the <c>document_type</c> lookup value's meta as <c>fee</c>), in pesos.</summary>
public sealed class DocumentFeeEdit
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public decimal Fee { get; set; }
}
