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
        _ => action,
    };

    /// <summary>
    /// A target type (the entity's class name, as the audit row stores it) in words, a catalogue key; an account is
    /// "Account" (the glossary's word). A type not listed shows as stored.
    /// </summary>
    public static string TargetType(string? type) => type switch
    {
        "Announcement" => "Announcement",
        "BarangaySeal" => "Barangay seal",
        "CertificateSigningKey" => "Certificate signing key",
        "CertificateTemplate" => "Certificate template",
        "Complaint" => "Complaint",
        "Conversation" => "Conversation",
        "DocumentRequest" => "Document request",
        "Event" => "Event",
        "EventRegistration" => "Event registration",
        "Household" => "Household",
        "HouseholdMember" => "Household member",
        "KpCase" => "KP case",
        "LookupValue" => "Lookup value",
        "Message" => "Message",
        "Official" => "Official",
        "OfficialSignature" => "Official's signature",
        "Registration" => "Registration",
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
