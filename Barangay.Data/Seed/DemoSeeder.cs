using Barangay.Data.Accounts;
using Barangay.Data.Audit;
using Barangay.Data.Common;
using Barangay.Data.Officials;
using Barangay.Data.Security;
using Barangay.Data.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Barangay.Data.Seed;

/// <summary>
/// <c>seed-demo</c>: a believable barangay. Idempotent: settings, lookups and accounts are added when
/// missing, and the inhabitants and their activity only into an empty register, so a second run changes nothing.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<BarangayDbContext> factory, UserManager<User> users, TimeProvider clock, ILogger<DemoSeeder> log,
    Documents.CertificateCodes? codes = null)
{
    private static readonly AuditActor Seeder = AuditActor.System("seed-demo");

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await SeedSettingsAndLookupsAsync(ct);
        var admin = await EnsureUserAsync(DemoAccounts.AdminUser, "admin@sanisidro.example", "Maria Clara Santos", [AppRoles.Admin], DemoAccounts.AdminPassword);
        var secretary = await EnsureUserAsync(DemoAccounts.OfficialUser, "secretary@sanisidro.example", "Liza R. Manalo", [AppRoles.Official], DemoAccounts.OfficialPassword);
        var resident = await EnsureUserAsync(DemoAccounts.ResidentUser, "juan.delacruz@sanisidro.example", "Juan P. Dela Cruz", [AppRoles.Resident], DemoAccounts.ResidentPassword);
        await SeedOfficialsAsync(secretary, ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Seeder;
        if (await db.Residents.IgnoreQueryFilters().AnyAsync(ct))
        {
            log.LogInformation("The register already holds inhabitants; demo inhabitants not added again");
            return;
        }
        var inhabitants = new DemoInhabitants(clock, new Random(2026));
        await inhabitants.SeedAsync(db, resident, ct);
        await new DemoActivity(clock, new Random(11032), codes).SeedAsync(db, resident, secretary, admin, ct);
        db.AppSettings.Add(new AppSetting { Key = SettingKeys.DemoSeededAt, Value = $"\"{clock.GetUtcNow():O}\"" });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Demo barangay seeded");
    }

    private async Task SeedSettingsAndLookupsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Seeder;
        var keys = await db.AppSettings.Select(s => s.Key).ToListAsync(ct);
        db.AppSettings.AddRange(DemoLookups.Settings().Where(s => !keys.Contains(s.Key)));
        var existing = (await db.LookupValues.Select(l => new { l.Category, l.Code }).ToListAsync(ct))
            .Select(l => (l.Category, l.Code)).ToHashSet();
        db.LookupValues.AddRange(DemoLookups.All().Where(l => !existing.Contains((l.Category, l.Code))));
        await db.SaveChangesAsync(ct);
    }

    private async Task<User> EnsureUserAsync(string username, string email, string fullName, List<string> roles, string? password)
    {
        var user = await users.FindByNameAsync(username);
        if (user is not null) return user;
        user = new User { UserName = username, Email = email, EmailConfirmed = true, FullName = fullName, Roles = roles, Status = UserStatuses.Active, LockoutEnabled = true };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create demo user {username}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user;
    }

    private async Task SeedOfficialsAsync(User secretary, CancellationToken ct)
    {
        (string User, string Name, string Position)[] roster =
        [
            ("kapitan", "Ricardo M. Dela Cruz", OfficialPositions.PunongBarangay),
            ("kgd.reyes", "Antonio B. Reyes", OfficialPositions.Kagawad),
            ("kgd.bautista", "Gloria S. Bautista", OfficialPositions.Kagawad),
            ("kgd.villanueva", "Ernesto L. Villanueva", OfficialPositions.Kagawad),
            ("kgd.munoz", "Rosario T. Muñoz", OfficialPositions.Kagawad),
            ("kgd.pascual", "Danilo C. Pascual", OfficialPositions.Kagawad),
            ("kgd.dela-pena", "Teresita A. Dela Peña", OfficialPositions.Kagawad),
            ("kgd.ocampo", "Romeo F. Ocampo", OfficialPositions.Kagawad),
            ("treasurer", "Corazon D. Ibañez", OfficialPositions.Treasurer),
            ("sk.chair", "Angelica M. Castañeda", OfficialPositions.SkChairperson),
            ("lupon.aguilar", "Nestor G. Aguilar", OfficialPositions.LuponMember),
            // Three Lupon members at least: a Pangkat ng Tagapagkasundo is three of them (LGC sec. 404(a)).
            ("lupon.ramos", "Melinda C. Ramos", OfficialPositions.LuponMember),
            ("lupon.soriano", "Eduardo V. Soriano", OfficialPositions.LuponMember),
            ("tanod.galang", "Renato P. Galang", OfficialPositions.Tanod),
        ];
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = Seeder;
        var termStart = new DateOnly(2023, 11, 30);
        var termEnd = new DateOnly(2026, 11, 30).AddYears(2);
        if (await db.Officials.AnyAsync(ct))
        {
            // A roster seeded before: only the Lupon members added since (so an older demo can constitute a Pangkat).
            var users = await db.Users.Select(u => u.UserName).ToListAsync(ct);
            roster = roster.Where(r => r.Position == OfficialPositions.LuponMember && !users.Contains(r.User)).ToArray();
            if (roster.Length == 0) return;
        }
        var first = await HumanIds.ReserveAsync(db, HumanIds.Official, 2023, roster.Length + 1, ct);
        var n = first;
        if (!await db.Officials.AnyAsync(ct))
            db.Officials.Add(new Official
            {
                UserId = secretary.Id, OfficialId = HumanIds.Format(HumanIds.Official, 2023, n++), FullName = secretary.FullName,
                Position = OfficialPositions.Secretary, TermStart = termStart, TermEnd = termEnd, Email = secretary.Email, ContactNumber = "0917 555 0101",
            });
        foreach (var (username, name, position) in roster)
        {
            // The Punong Barangay and the treasurer get published demo passwords (every role can be tried from the README);
            // the other officials start without one and set it through "forgot password".
            var password = DemoAccounts.All.FirstOrDefault(a => a.User == username).Password;
            var user = await EnsureUserAsync(username, $"{username}@sanisidro.example", name, [AppRoles.Official], password);
            db.Officials.Add(new Official
            {
                UserId = user.Id, OfficialId = HumanIds.Format(HumanIds.Official, 2023, n++), FullName = name, Position = position,
                TermStart = termStart, TermEnd = termEnd, Email = user.Email,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
