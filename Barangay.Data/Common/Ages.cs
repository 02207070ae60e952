namespace Barangay.Data.Common;

public static class Ages
{
    /// <summary>Completed years on <paramref name="today"/>.</summary>
    public static int On(DateOnly dob, DateOnly today)
    {
        var age = today.Year - dob.Year;
        if (dob > today.AddYears(-age)) age--;
        return age;
    }

    /// <summary>The data-model document's rule for self-registration and self-service.</summary>
    public const int SelfServiceMin = 16;
    public const int SelfServiceMax = 90;
}
