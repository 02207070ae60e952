using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Localization;

/// <summary>The language to write to a person in (emails, SMS): their account's choice, English when they have none.</summary>
public static class RecipientLanguage
{
    public static async Task<string> OfAsync(BarangayDbContext db, Guid? userId, CancellationToken ct)
    {
        if (userId is not { } id) return AppLanguages.English;
        var code = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.PreferredLanguage).FirstOrDefaultAsync(ct);
        return AppLanguages.Match(code) ?? AppLanguages.English;
    }
}
