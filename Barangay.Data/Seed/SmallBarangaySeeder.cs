using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Barangay.Data.Seed;

/// <summary>
/// A provisioned barangay of the municipal demo: its secretary (an official with a published demo password) and a
/// generated register of <paramref name="households"/> households (the same generator as San Isidro's). Idempotent: the
/// secretary is added when missing, the inhabitants only into an empty register.
/// </summary>
public sealed class SmallBarangaySeeder(IDbContextFactory<BarangayDbContext> factory, UserManager<User> users, TimeProvider clock)
{
    public async Task SeedAsync(MunicipalDemo.Barangay barangay, CancellationToken ct = default)
    {
        var email = $"secretary@{barangay.Slug}.example";
        var secretary = await users.FindByNameAsync(MunicipalDemo.SecretaryUser);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = AuditActor.System("seed-municipality");
        if (secretary is null)
        {
            secretary = new User
            {
                UserName = MunicipalDemo.SecretaryUser, Email = email, EmailConfirmed = true, FullName = barangay.SecretaryName,
                Roles = [AppRoles.Official], Status = UserStatuses.Active, LockoutEnabled = true,
            };
            var result = await users.CreateAsync(secretary, MunicipalDemo.SecretaryPassword);
            if (!result.Succeeded) throw new InvalidOperationException("Could not create the demo secretary: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            var n = await HumanIds.ReserveAsync(db, HumanIds.Official, 2023, 1, ct);
            db.Officials.Add(new Official
            {
                UserId = secretary.Id, OfficialId = HumanIds.Format(HumanIds.Official, 2023, n), FullName = secretary.FullName,
                Position = OfficialPositions.Secretary, TermStart = new DateOnly(2023, 11, 30), TermEnd = new DateOnly(2028, 11, 30), Email = email,
            });
            await db.SaveChangesAsync(ct);
        }
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(ct)) return;
        await new DemoInhabitants(clock, new Random(StableSeed(barangay.Psgc)), barangay.Households)
            .SeedAsync(db, null, ct);
    }

    // string.GetHashCode differs per process; the register should be the same on every run.
    private static int StableSeed(string text) => text.Aggregate(17, (a, c) => unchecked(a * 31 + c));
}
