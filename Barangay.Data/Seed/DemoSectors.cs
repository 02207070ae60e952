using Barangay.Data.Common;
using Barangay.Data.Residents;

namespace Barangay.Data.Seed;

/// <summary>
/// The RBI sector marks of the demo's inhabitants, at rates like a Bulacan barangay's, so the sector counts, filters
/// and exports have something to show: registered voters, the employed, PWDs (with the type of disability), solo
/// parents, 4Ps households (every member), OFWs, indigenous people and out-of-school youth. It draws from its own
/// random sequence, so adding it left every other demo value (names, ages, households) as it was.
/// </summary>
internal static class DemoSectors
{
    private static readonly string[] Disabilities = ["Visual", "Hearing", "Orthopedic", "Speech", "Psychosocial", "Learning"];

    public static void Assign(IReadOnlyList<Resident> residents, DateOnly today)
    {
        var rng = new Random(70_123);
        var fourPsHouseholds = residents.Select(r => r.HouseholdId).Distinct().Where(_ => rng.NextDouble() < 0.12).ToHashSet();
        foreach (var r in residents)
        {
            var age = Ages.On(r.Dob, today);
            r.IsFourPs = fourPsHouseholds.Contains(r.HouseholdId);
            r.IsRegisteredVoter = age >= 18 && rng.NextDouble() < 0.82;
            r.IsOutOfSchoolYouth = age is >= 15 and <= 24 && rng.NextDouble() < 0.09;
            if (r.IsOutOfSchoolYouth && r.Occupation == "Student") r.Occupation = null;
            r.IsOfw = r.Occupation == "OFW" || (age is >= 22 and <= 55 && rng.NextDouble() < 0.05);
            // Someone with a trade is mostly employed (some are between jobs); students and the retired are not.
            r.IsEmployed = r.IsOfw || (age is >= 18 and <= 64 && r.Occupation is not (null or "Student") && rng.NextDouble() < 0.85);
            r.IsSoloParent = age is >= 20 and <= 60 && r.MaritalStatus != "Married" && rng.NextDouble() < 0.06;
            r.IsIndigenous = rng.NextDouble() < 0.01;
            r.IsPwd = rng.NextDouble() < 0.025;
            r.DisabilityType = r.IsPwd ? Disabilities[rng.Next(Disabilities.Length)] : null;
        }
    }
}
