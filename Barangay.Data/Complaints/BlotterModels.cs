namespace Barangay.Data.Complaints;

/// <summary>One line of the blotter book: a complaint reported, or a KP case filed, in time order.</summary>
public sealed record BlotterEntry(DateTime At, string Kind, string Number, string Parties, string Matter, string? Purok, string Status);

/// <summary>The blotter book for a date range (Manila days, both ends included).</summary>
public sealed record BlotterBook(string BarangayName, string Locality, DateOnly From, DateOnly To, IReadOnlyList<BlotterEntry> Entries, int Withheld);
