namespace Barangay.Data.Residents;

/// <summary>The signed-in resident's own record, as the "My profile" page shows it. The national ID is only ever masked.</summary>
public sealed record MyProfile(
    string ResidentId,
    string FullName,
    string FirstName,
    string? MiddleName,
    string LastName,
    string? NameExtension,
    DateOnly Dob,
    int Age,
    string? Sex,
    string? MaritalStatus,
    string? PlaceOfBirth,
    string? Citizenship,
    string? Occupation,
    string Purok,
    string PurokLabel,
    string? BarangayZone,
    string? Address,
    string? ContactNumber,
    string? Email,
    string? HouseholdCode,
    string? NationalIdMasked,
    IReadOnlyList<string> Sectors,
    MyPrivacy Privacy,
    string Status,
    Guid Version);

/// <summary>The details a resident may change themselves; <see cref="Version"/> is the record's version when the form was loaded.</summary>
public sealed class MyContactEdit
{
    public string? ContactNumber { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public Guid Version { get; set; }

    public static MyContactEdit From(MyProfile p) => new() { ContactNumber = p.ContactNumber, Email = p.Email, Address = p.Address, Version = p.Version };
}
