using Barangay.Data.Accounts;
using Barangay.Data.Accounts.MobileCodes;
using Barangay.Data.Common;
using Barangay.Data.Localization;
using Barangay.Data.Residents;
using Barangay.Data.Sms;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Notifications;

/// <summary>
/// The one rule for telling a resident without email by text what others are told by email (issue 24: "receive notices
/// with a mobile number alone"). A notice goes by text to an account that:
/// <list type="bullet">
/// <item>has no email address, neither on the account nor on its resident record (anyone with one gets the email);</item>
/// <item>has a mobile number proved with a texted code (<c>phone_number_confirmed</c>): an unproved number may be anyone's;</item>
/// <item>is active, and has not turned notices off on "My profile" (texts cost the barangay money, and the choice is theirs).</item>
/// </list>
/// The row is added to the caller's context, so it commits with the change it announces; that commit starts the SMS
/// job at once (<see cref="Sms.SmsAfterCommit"/>; the sweeper is only the safety net). The text is the notice in the
/// reader's language after the barangay's name.
/// </summary>
public static class NoticeTexts
{
    public static async Task<int> QueueAsync(BarangayDbContext db, IReadOnlyCollection<Guid> userIds, Message text, string source, CancellationToken ct)
    {
        if (userIds.Count == 0) return 0;
        var ids = userIds.Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Status == UserStatuses.Active && u.PhoneNumberConfirmed && u.PhoneNumber != null
                        && (u.Email == null || u.Email == ""))
            .Select(u => new
            {
                u.Id,
                u.PhoneNumber,
                u.PreferredLanguage,
                ResidentEmail = db.Residents.Where(r => r.UserId == u.Id).Select(r => r.Email).FirstOrDefault(),
                Privacy = db.Residents.Where(r => r.UserId == u.Id).Select(r => r.PrivacySettings).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var count = 0;
        string? barangay = null;
        var now = ContextClock.UtcNow(db);
        foreach (var p in people)
        {
            if (!string.IsNullOrWhiteSpace(p.ResidentEmail) && p.ResidentEmail.Contains('@', StringComparison.Ordinal)) continue;
            if (!MyPrivacy.Parse(p.Privacy).AllowEmailNotifications) continue;
            if (SmsText.NormalizeNumber(p.PhoneNumber) is not { } number) continue;
            barangay ??= await MobileCodeService.BarangayNameAsync(db, ct);
            var lang = AppLanguages.Culture(AppLanguages.Match(p.PreferredLanguage) ?? AppLanguages.English);
            db.Set<SmsMessage>().Add(new SmsMessage
            {
                ToNumber = number, UserId = p.Id, Source = source, CreatedAt = now,
                Body = SmsText.Trim(barangay + ": " + text.Render(lang)),
            });
            count++;
        }
        return count;
    }
}
