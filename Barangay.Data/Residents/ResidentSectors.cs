namespace Barangay.Data.Residents;

/// <summary>The sectors the hall reports on, as one line for exports and printed records (senior citizen from age ≥ 60).</summary>
public static class ResidentSectors
{
    public static string Describe(int age, bool pwd, string? disabilityType, bool soloParent, bool fourPs, bool indigenous,
        bool outOfSchoolYouth, bool ofw, bool registeredVoter, bool employed, string separator = ", ")
    {
        var sectors = new List<string>(4);
        if (age >= 60) sectors.Add("Senior citizen");
        if (pwd) sectors.Add(string.IsNullOrWhiteSpace(disabilityType) ? "PWD" : $"PWD ({disabilityType})");
        if (soloParent) sectors.Add("Solo parent");
        if (fourPs) sectors.Add("4Ps");
        if (indigenous) sectors.Add("IP");
        if (outOfSchoolYouth) sectors.Add("OSY");
        if (ofw) sectors.Add("OFW");
        if (registeredVoter) sectors.Add("Registered voter");
        if (employed) sectors.Add("Employed");
        return string.Join(separator, sectors);
    }
}
