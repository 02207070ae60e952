using System.Globalization;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Settings;
using MudBlazor;

namespace Barangay.App.Components.Pages.Admin.Audit;

/// <summary>How the audit viewer words and colours its rows; the words are catalogue keys the pages pass through their localizer.</summary>
public static class AuditFormat
{
    /// <summary>In the reader's culture (the circuit's), so month names follow the page's language.</summary>
    public static string When(DateTime utc) => TimeZones.ToManila(utc).ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.CurrentCulture);

    public static string Action(string action) => action switch
    {
        AuditActions.Login => "Signed in",
        AuditActions.Logout => "Signed out",
        AuditActions.LoginFailed => "Failed sign-in",
        AuditActions.StatusChange => "Status change",
        AuditActions.PermissionChange => "Permission change",
        AuditActions.Create => "Created",
        AuditActions.Update => "Updated",
        AuditActions.Delete => "Deleted",
        AuditActions.Lockout => "Locked out",
        AuditActions.Export => "Exported",
        AuditActions.Import => "Imported",
        AuditActions.View => "Viewed",
        AuditActions.Download => "Downloaded",
        // The actions the features record by their own names (accounts, requests, certificates, KP): every code
        // written anywhere has its words here, or the audit log would show "KpMonthlyTransmittalPrint".
        "AccessChanged" => "Access changed",
        "PasswordReset" => "Password reset",
        "PasswordChanged" => "Password changed",
        "SessionsRevoked" => "Signed out everywhere",
        "EmailChangeRequested" => "Email change requested",
        "EmailChanged" => "Email changed",
        "EmailChangeRefused" => "Email change refused",
        "MobileCodeSent" => "Code texted",
        "MobileCodeUsed" => "Texted code used",
        "MfaEnabled" => "Two-step sign-in turned on",
        "MfaDisabled" => "Two-step sign-in turned off",
        "MfaDisableRefused" => "Turning off two-step sign-in refused",
        "MfaReset" => "MFA reset",
        "MfaSetupFailed" => "Two-step sign-in set-up failed",
        "MfaRecoveryCodeUsed" => "Recovery code used",
        "MfaRecoveryCodesRegenerated" => "New recovery codes made",
        "RegistrationNotCreated" => "Registration not created",
        "CorrectionRequested" => "Correction requested",
        "PersonalDataDownloaded" => "Personal data downloaded",
        "AgeException" => "Age outside the usual range allowed",
        "Extension" => "Processing time extended",
        "Refund" => "Refunded",
        "Digest" => "Overdue requests digest sent",
        "RecordCtc" => "CTC recorded",
        "Print" => "Printed",
        "Reprint" => "Reprinted",
        "RevokeCertificate" => "Certificate revoked",
        "RotateSigningKey" => "Signing key rotated",
        "KpSummons" => "KP: summons issued",
        "KpHearing" => "KP: hearing recorded",
        "KpAbsence" => "KP: absence recorded",
        "KpWitness" => "KP: witness recorded",
        "KpNature" => "KP: nature of the dispute set",
        "KpStage" => "KP: stage changed",
        "KpOutcome" => "KP: outcome recorded",
        "KpCertificate" => "KP: certification issued",
        "KpExecution" => "KP: execution",
        "KpContempt" => "KP: application for contempt",
        "KpContemptRuling" => "KP: court's ruling on contempt",
        "KpTransmittal" => "KP: transmittal to the court",
        "KpMonthlyTransmittalPrint" => "KP: monthly transmittal printed",
        _ => action,
    };

    /// <summary>
    /// A target type (the entity's class name, as the audit row stores it) in words, a catalogue key; an account is
    /// "Account" (the glossary's word). A type not listed shows as stored.
    /// </summary>
    public static string TargetType(string? type) => type switch
    {
        "Announcement" => "Announcement",
        "AnnouncementDelivery" => "Announcement delivery",
        "BarangayMove" => "Move between barangays",
        "BarangaySeal" => "Barangay seal",
        "Blotter" => "Blotter",
        "CertificateSigningKey" => "Certificate signing key",
        "CertificateTemplate" => "Certificate template",
        "CollectionReport" => "Collections report",
        "Complaint" => "Complaint",
        "Conversation" => "Conversation",
        "DocumentRequest" => "Document request",
        "EmailQueue" => "Email queue",
        "Event" => "Event",
        "EventRegistration" => "Event registration",
        "Export" => "Export",
        "File" => "File",
        "Household" => "Household",
        "HouseholdMember" => "Household member",
        "Import" => "Import",
        "KpCase" => "KP case",
        "LookupValue" => "Lookup value",
        "Message" => "Message",
        "Notification" => "Notification",
        "Official" => "Official",
        "OfficialSignature" => "Official's signature",
        "Registration" => "Registration",
        "Report" => "Report",
        "Resident" => "Resident",
        "Setting" => "App setting",
        "User" => "Account",
        "VawcAction" => "VAWC action",
        _ => type ?? "",
    };

    public static Color ActionColor(string action) => action switch
    {
        AuditActions.Create => Color.Success,
        AuditActions.Delete or AuditActions.LoginFailed => Color.Error,
        AuditActions.Update or AuditActions.StatusChange or AuditActions.PermissionChange => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The target id, with a setting's name beside its key.</summary>
    public static string Target(AuditRow row) =>
        row.TargetType == "Setting" && row.TargetId is { } key && SettingFields.LabelOfKey(key) is var label && label != key
            ? $"{label} ({key})"
            : row.TargetId ?? "";

    public static string NoDetails(string action) => action switch
    {
        AuditActions.Login => "Signed in. The IP address and browser above say from where.",
        AuditActions.Logout => "Signed out; the session was ended on the server.",
        _ => "No further details were recorded.",
    };
}
