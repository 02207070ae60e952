using Barangay.Data.Localization;
using System.Globalization;
using System.Net.Mail;

namespace Barangay.Data.Settings;

/// <summary>
/// The rules of the settings page, used by the form (instant feedback) and again by <see cref="SettingsService"/>
/// (the check that counts). Each message names the field.
/// </summary>
public static class SettingsValidator
{
    public const int UploadMinMb = 1;
    public const int UploadMaxMb = 50;
    public const int ReviewDaysMin = 1;
    public const int ReviewDaysMax = 60;
    public const decimal FeeMax = 100_000m;
    public const int ExportRetentionMin = 1;
    public const int ExportRetentionMax = 365;
    public const int UnusualResidentsMin = 1;
    public const int UnusualResidentsMax = 10_000_000;

    public static Dictionary<string, string> Validate(SettingsEdit e)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, nameof(e.BarangayName), e.BarangayName, 100);
        Required(errors, nameof(e.Municipality), e.Municipality, 100);
        Required(errors, nameof(e.Province), e.Province, 100);
        Optional(errors, nameof(e.Region), e.Region, 100);
        Optional(errors, nameof(e.SealFileId), e.SealFileId, 200);
        Optional(errors, nameof(e.MunicipalSealFileId), e.MunicipalSealFileId, 200);
        Optional(errors, nameof(e.DrySealLine), e.DrySealLine, 120);
        Optional(errors, nameof(e.PunongBarangay), e.PunongBarangay, 120);
        Optional(errors, nameof(e.HallAddress), e.HallAddress, 300);
        Optional(errors, nameof(e.OfficeHours), e.OfficeHours, 200);
        Required(errors, nameof(e.PrivacyNotice), e.PrivacyNotice, 4000);
        if (Localization.AppLanguages.Match(e.DefaultLanguage) is null)
            errors[nameof(e.DefaultLanguage)] = Texts.Say("Default language: choose English or Filipino.");
        if (Localization.AppLanguages.Match(e.ReportLanguage) is null)
            errors[nameof(e.ReportLanguage)] = Texts.Say("Language of printed reports: choose English or Filipino.");

        if (e.UploadMaxMb is < UploadMinMb or > UploadMaxMb)
            errors[nameof(e.UploadMaxMb)] = Texts.Say("Upload limit must be between {0} and {1} MB (it is {2}).", UploadMinMb, UploadMaxMb, e.UploadMaxMb);
        if (e.RegistrationReviewDays is < ReviewDaysMin or > ReviewDaysMax)
            errors[nameof(e.RegistrationReviewDays)] = Texts.Say("Registration review days must be between {0} and {1} working days (it is {2}).", ReviewDaysMin, ReviewDaysMax, e.RegistrationReviewDays);
        if (e.ExportRetentionDays is < ExportRetentionMin or > ExportRetentionMax)
            errors[nameof(e.ExportRetentionDays)] = Texts.Say("Export retention must be between {0} and {1} days (it is {2}).", ExportRetentionMin, ExportRetentionMax, e.ExportRetentionDays);
        if (e.ExportUnusualResidents is < UnusualResidentsMin or > UnusualResidentsMax)
            errors[nameof(e.ExportUnusualResidents)] = Texts.Say("Unusual export must be between {0:N0} and {1:N0} residents a day (it is {2:N0}).", UnusualResidentsMin, UnusualResidentsMax, e.ExportUnusualResidents);
        if (!IsEmailAddress(e.EmailSender))
            errors[nameof(e.EmailSender)] = string.IsNullOrWhiteSpace(e.EmailSender)
                ? Texts.Say("Email sender is required: the address emails to residents come from.")
                : Texts.Say("Email sender \"{0}\" is not a valid email address (for example no-reply@yourbarangay.gov.ph).", e.EmailSender.Trim());

        foreach (var fee in e.Fees)
        {
            if (fee.Fee < 0)
                errors[SettingFields.FeeField(fee.Code)] = Texts.Say("Fee for {0} cannot be negative (use 0 for free documents).", fee.Label);
            else if (fee.Fee > FeeMax)
                errors[SettingFields.FeeField(fee.Code)] = Texts.Say("Fee for {0} is more than ₱{1:N0}; check the amount.", fee.Label, FeeMax);
            else if (decimal.Round(fee.Fee, 2) != fee.Fee)
                errors[SettingFields.FeeField(fee.Code)] = Texts.Say("Fee for {0} can have at most two decimal places (centavos).", fee.Label);
        }

        var holidayErrors = HolidayErrors(e.Holidays);
        if (holidayErrors.Count > 0) errors[nameof(e.Holidays)] = string.Join(" ", holidayErrors);
        return errors;
    }

    /// <summary>Parses validated holidays, ordered by date.</summary>
    public static List<HolidayEntry> Holidays(IEnumerable<HolidayEdit> holidays) =>
        holidays.Select(h => new HolidayEntry(ParseDate(h.Date)!.Value, h.Name.Trim())).OrderBy(h => h.Date).ToList();

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), HolidayEntry.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static List<string> HolidayErrors(IReadOnlyList<HolidayEdit> holidays)
    {
        var messages = new List<string>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < holidays.Count; i++)
        {
            var h = holidays[i];
            if (ParseDate(h.Date) is not { } date)
                messages.Add(Texts.Say("Holidays, line {0}: \"{1}\" is not a date (write it as YYYY-MM-DD, for example 2026-12-25).", i + 1, h.Date.Trim()));
            else if (!seen.Add(date))
                messages.Add(Texts.Say("Holidays, line {0}: {1} is listed twice.", i + 1, h.Date.Trim()));
            else if (h.Name.Trim().Length > 100)
                messages.Add(Texts.Say("Holidays, line {0}: the name is longer than 100 characters.", i + 1));
        }
        return messages;
    }

    private static bool IsEmailAddress(string? value)
    {
        var v = value?.Trim() ?? "";
        // MailAddress also accepts "Name <address>"; the sender setting is the bare address.
        return v.Length is > 0 and <= 254 && MailAddress.TryCreate(v, out var a) && a.Address == v && a.Host.Contains('.', StringComparison.Ordinal);
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = Texts.Say("{0} is required.", Texts.Say(SettingFields.Labels[field]));
        else Optional(errors, field, value, max);
    }

    private static void Optional(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors[field] = Texts.Say("{0} is longer than {1} characters.", Texts.Say(SettingFields.Labels[field]), max);
    }
}
