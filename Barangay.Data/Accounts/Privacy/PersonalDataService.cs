using System.Text.Encodings.Web;
using System.Text.Json;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Accounts.Privacy;

/// <summary>The file "Download my data" gives: a name and the JSON bytes.</summary>
public sealed record PersonalDataFile(string FileName, byte[] Content);

/// <summary>
/// "Download my data" (RA 10173, the data subject's right of access): a JSON file of everything the system holds
/// about the signed-in person. It takes no id at all: it is always the caller's own data, so nobody can ask for
/// another person's. Secrets are never in it: no password hash, security stamp, authenticator key, recovery codes,
/// session token hashes or full national ID (only the masked one is ever stored). Audited.
/// </summary>
public sealed partial class PersonalDataService(BarangayDb dbs, TimeProvider clock)
{
    public const string AuditAction = "PersonalDataDownloaded";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Names with ñ stay readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<ServiceResult<PersonalDataFile>> ExportMineAsync(CancellationToken ct = default)
    {
        var (db, caller) = await dbs.OpenAsync(ct);
        await using var _ = db;
        if (caller.UserId is not { } me) return ServiceResult<PersonalDataFile>.NotFound();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me, ct);
        if (user is null) return ServiceResult<PersonalDataFile>.NotFound();
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == me, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var data = new
        {
            About = "Everything the barangay system holds about you, under the Data Privacy Act of 2012 (RA 10173). "
                    + "Passwords, security keys and sign-in tokens are never included; your national ID appears only masked, as it is stored.",
            GeneratedAt = now,
            Account = new
            {
                user.UserName, user.FullName, user.Email, EmailConfirmed = user.EmailConfirmed, user.PhoneNumber, user.Roles, user.Status,
                MfaEnabled = user.TwoFactorEnabled, user.LastLoginAt, user.LastLoginIp, user.CreatedAt,
            },
            Resident = resident is null ? null : ResidentPart(resident),
            Household = resident is null ? null : await HouseholdAsync(db, resident, ct),
            DocumentRequests = resident is null ? [] : await DocumentRequestsAsync(db, resident.Id, ct),
            Complaints = resident is null ? [] : await ComplaintsAsync(db, resident.Id, ct),
            EventRegistrations = resident is null ? [] : await EventRegistrationsAsync(db, resident.Id, ct),
            Registrations = await RegistrationsAsync(db, me, resident?.Id, ct),
            Conversations = await ConversationsAsync(db, me, resident?.Id, ct),
            Notifications = await NotificationsAsync(db, me, ct),
            Sessions = await SessionsAsync(db, me, ct),
            CorrectionRequests = resident is null ? [] : await CorrectionsAsync(db, resident.Id, ct),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, Json);
        db.Record(AuditAction, "User", me.ToString(), new { bytes = bytes.Length, resident_id = resident?.ResidentId });
        await db.SaveChangesAsync(ct);
        var stamp = TimeZones.ToManila(now).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return ServiceResult<PersonalDataFile>.Success(new PersonalDataFile($"my-data-{resident?.ResidentId ?? user.UserName}-{stamp}.json", bytes));
    }

    private static object ResidentPart(Resident r) => new
    {
        r.ResidentId, r.FirstName, r.MiddleName, r.LastName, r.NameExtension, BirthDate = r.Dob, r.PlaceOfBirth, r.Sex, CivilStatus = r.MaritalStatus,
        r.Citizenship, r.Purok, r.BarangayZone, r.Address, r.ContactNumber, r.Email, NationalIdMasked = r.NationalIdMasked, r.Occupation,
        Sectors = new
        {
            Pwd = r.IsPwd, r.DisabilityType, SoloParent = r.IsSoloParent, FourPs = r.IsFourPs, Indigenous = r.IsIndigenous,
            OutOfSchoolYouth = r.IsOutOfSchoolYouth, Ofw = r.IsOfw, RegisteredVoter = r.IsRegisteredVoter, Employed = r.IsEmployed,
        },
        r.RegistrationStatus, PrivacySettings = Parse(r.PrivacySettings), HasPhoto = r.PhotoUrl != null, r.CreatedAt, r.UpdatedAt,
    };

    /// <summary>A JSON column as JSON in the file (not as a string of JSON); null stays null.</summary>
    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
