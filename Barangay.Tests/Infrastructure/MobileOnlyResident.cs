using Barangay.Data;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Tests.Infrastructure;

/// <summary>Issue 24 item 1's resident: registered with a mobile number and no email (the number proved with a code).</summary>
public static class MobileOnlyResident
{
    /// <summary>Takes the demo account's email away (account and resident record) and gives it a confirmed number.</summary>
    public static async Task MakeAsync(BarangayDbContext db, string userName, string number)
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.Email, (string?)null).SetProperty(x => x.NormalizedEmail, (string?)null)
            .SetProperty(x => x.PhoneNumber, number).SetProperty(x => x.PhoneNumberConfirmed, true));
        await db.Residents.Where(r => r.UserId == user.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Email, (string?)null));
    }
}
