using Barangay.Data.Accounts;
using Barangay.Data.Common;
using Barangay.Data.Households;
using Barangay.Data.Residents;

namespace Barangay.Data.Seed;

/// <summary>
/// About 1,000 inhabitants in 300 households across seven puroks, with believable families. A smaller barangay of the
/// municipal demo passes fewer households and no resident account (then no household is Juan's).
/// </summary>
internal sealed class DemoInhabitants(TimeProvider clock, Random rng, int householdCount = 300)
{
    public async Task SeedAsync(BarangayDbContext db, User? residentAccount, CancellationToken ct)
    {
        var today = TimeZones.ManilaToday(clock);
        var year = today.Year;
        var households = new List<Household>();
        var residents = new List<Resident>();
        var members = new List<HouseholdMember>();
        var heads = new Dictionary<Household, Resident>();

        for (var h = 0; h < householdCount; h++)
        {
            var juan = h == 0 && residentAccount is not null;
            var (purokCode, _) = DemoLookups.Puroks[h % DemoLookups.Puroks.Length];
            var surname = Pick(FilipinoNames.Surnames);
            // Juan's wife and children carry his surname.
            if (juan) surname = "Dela Cruz";
            var address = $"{rng.Next(1, 300)} {Pick(FilipinoNames.Streets)}";
            var hh = new Household { Id = Guid.NewGuid(), Purok = purokCode, Address = address };
            households.Add(hh);

            // Juan's household is fixed first, so his spouse's and children's ages follow from his own.
            var headMale = juan || rng.NextDouble() < 0.75;
            var headAge = juan ? 42 : rng.Next(24, 82);
            var head = Person(hh, surname, headMale, headAge, today, address);
            if (juan)
            {
                // The demo resident account's own record.
                head.FirstName = "Juan"; head.MiddleName = "Pascual"; head.LastName = "Dela Cruz"; head.Sex = "Male";
                head.Dob = today.AddYears(-42).AddDays(-37); head.UserId = residentAccount!.Id; head.Email = residentAccount.Email;
                head.MaritalStatus = "Married"; head.PlaceOfBirth = "Santa Maria, Bulacan";
            }
            heads[hh] = head;
            AddMember(head, "Head");

            // A child's middle name is the mother's maiden surname (Filipino naming): the wife's own surname before
            // marriage, or, for a single mother's children who carry her surname, none.
            string? mothersMaiden = null;
            var married = headAge > 26 && rng.NextDouble() < 0.8;
            if (married || juan)
            {
                // Spouses are within a few years of each other, and always of age.
                var spouseAge = Math.Clamp(headAge + (headMale ? -rng.Next(0, 6) : rng.Next(0, 6)), 20, 90);
                var spouse = Person(hh, surname, !headMale, spouseAge, today, address);
                spouse.MaritalStatus = head.MaritalStatus = "Married";
                // The wife's middle name is her own mother's maiden surname; her maiden surname is what her children carry.
                mothersMaiden = juan ? "Santos" : Pick(FilipinoNames.Surnames);
                while (mothersMaiden == surname) mothersMaiden = Pick(FilipinoNames.Surnames);
                if (juan) { spouse.FirstName = "Maria"; spouse.MiddleName = "Reyes"; }
                AddMember(spouse, "Spouse");
            }
            var children = headAge < 30 ? rng.Next(0, 3) : rng.Next(0, 4);
            for (var c = 0; c < children; c++)
            {
                var male = rng.NextDouble() < 0.5;
                // Born when the head was 18 to 40: never older than their parent.
                var childAge = Math.Max(0, headAge - rng.Next(18, Math.Min(41, headAge + 1)));
                var child = Person(hh, surname, male, childAge, today, address);
                child.MiddleName = married || juan ? mothersMaiden : headMale ? Pick(FilipinoNames.Surnames) : null;
                child.MaritalStatus = childAge >= 18 ? "Single" : null;
                AddMember(child, male ? "Son" : "Daughter");
            }
            if (headAge < 45 && rng.NextDouble() < 0.2)
            {
                var grandparent = Person(hh, Pick(FilipinoNames.Surnames), rng.NextDouble() < 0.4, Math.Max(headAge + 20, rng.Next(65, 95)), today, address);
                grandparent.MaritalStatus = "Widowed";
                AddMember(grandparent, "Parent");
            }
            if (h % 40 == 7)
            {
                // Now and then a boarder: an unrelated adult renting a room, counted with the household but not its family.
                var boarder = Person(hh, Pick(FilipinoNames.Surnames), rng.NextDouble() < 0.5, rng.Next(19, 35), today, address);
                AddMember(boarder, "Boarder");
            }
        }

        DemoSectors.Assign(residents, today);
        var rNo = await HumanIds.ReserveAsync(db, HumanIds.Resident, year, residents.Count, ct);
        foreach (var r in residents) r.ResidentId = HumanIds.Format(HumanIds.Resident, year, rNo++);
        var hNo = await HumanIds.ReserveAsync(db, HumanIds.Household, year, households.Count, ct);
        foreach (var hh in households) hh.HouseholdId = HumanIds.Format(HumanIds.Household, year, hNo++);

        // households ↔ residents reference each other: insert, then name the heads.
        db.Households.AddRange(households);
        db.Residents.AddRange(residents);
        db.HouseholdMembers.AddRange(members);
        await db.SaveChangesAsync(ct);
        foreach (var (hh, head) in heads) hh.HeadResidentId = head.Id;
        await db.SaveChangesAsync(ct);

        void AddMember(Resident r, string relation)
        {
            residents.Add(r);
            members.Add(new HouseholdMember { HouseholdId = r.HouseholdId!.Value, ResidentId = r.Id, Relation = relation });
        }
    }

    private Resident Person(Household hh, string surname, bool male, int age, DateOnly today, string address)
    {
        var first = male ? Pick(FilipinoNames.Male) : Pick(FilipinoNames.Female);
        var dob = today.AddYears(-age).AddDays(-rng.Next(0, 364));
        return new Resident
        {
            Id = Guid.NewGuid(),
            FirstName = first,
            MiddleName = Pick(FilipinoNames.Surnames),
            LastName = surname,
            Dob = dob,
            Sex = male ? "Male" : "Female",
            Purok = hh.Purok!,
            Address = address,
            HouseholdId = hh.Id,
            ContactNumber = age >= 16 && rng.NextDouble() < 0.7 ? $"09{rng.Next(10, 99)} {rng.Next(100, 999)} {rng.Next(1000, 9999)}" : null,
            Occupation = age >= 18 ? Pick(FilipinoNames.Occupations) : age >= 5 ? "Student" : null,
            MaritalStatus = age >= 18 ? "Single" : null,
            NationalIdMasked = age >= 18 && rng.NextDouble() < 0.5 ? $"XXXX-XXXX-{rng.Next(1000, 9999)}" : null,
            RegistrationStatus = ResidentStatuses.Active,
            // Most were born in the town; the rest in the province, Metro Manila or the provinces people move from.
            PlaceOfBirth = rng.NextDouble() < 0.6 ? "Santa Maria, Bulacan" : Pick(Birthplaces),
        };
    }

    private static readonly string[] Birthplaces =
    [
        "Malolos City, Bulacan", "Meycauayan City, Bulacan", "San Jose del Monte City, Bulacan", "Bocaue, Bulacan", "Norzagaray, Bulacan",
        "Angat, Bulacan", "Pandi, Bulacan", "Quezon City", "Manila", "Caloocan City", "Cabanatuan City, Nueva Ecija", "San Fernando, Pampanga",
        "Tarlac City, Tarlac", "Naga City, Camarines Sur", "Tacloban City, Leyte", "Iloilo City, Iloilo",
    ];

    private string Pick(string[] values) => values[rng.Next(values.Length)];
}
