namespace Barangay.Data.Municipality.Moves;

/// <summary>
/// What travels with a move: the RBI fields of the person (name, birth, sex, civil status, citizenship, occupation and
/// the sector flags Form C counts). Never the address (the new barangay records its own), contacts, the ID number,
/// complaints, requests, messages or files.
/// </summary>
public sealed record MoveRbi(
    string FirstName, string? MiddleName, string LastName, string? NameExtension, DateOnly Dob, string? Sex, string? PlaceOfBirth,
    string? MaritalStatus, string? Citizenship, string? Occupation,
    bool IsPwd, bool IsSoloParent, bool IsFourPs, bool IsIndigenous, bool IsOutOfSchoolYouth, bool IsOfw, bool IsRegisteredVoter, bool IsEmployed)
{
    public string FullName => string.Join(' ', new[] { FirstName, MiddleName, LastName, NameExtension }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>The old barangay's secretary's form: who moves where, and the resident's consent (given, witnessed, dated).</summary>
public sealed class MoveOut
{
    public Guid ResidentId { get; set; }
    public Guid? ToBarangayId { get; set; }
    public bool ConsentGiven { get; set; }
    public string? Witness { get; set; }
    public DateOnly? ConsentDate { get; set; }
}

/// <summary>A barangay of the municipality a resident can move to.</summary>
public sealed record MoveDestination(Guid Id, string Name);

/// <summary>A pending move into the current barangay, as its secretary sees it.</summary>
public sealed record IncomingMove(Guid Id, string FromBarangay, MoveRbi Rbi, string ConsentNote, DateOnly ConsentDate, string RecordedBy, DateTime RequestedAt)
{
    /// <summary>The witness the old barangay named (its note is stored in English), so the page can word the note in the reader's language.</summary>
    public string? Witness => ConsentNote.StartsWith(BarangayMoves.ConsentNotePrefix, StringComparison.Ordinal) ? ConsentNote[BarangayMoves.ConsentNotePrefix.Length..] : null;
}

/// <summary>A move out of the current barangay and what became of it.</summary>
public sealed record OutgoingMove(Guid Id, string ToBarangay, string FullName, string Status, DateTime RequestedAt, string? DeclineReason);

/// <summary>One page of moves out of a barangay (<see cref="BarangayMoves.PageSize"/> a page) and how many there are in all.</summary>
public sealed record OutgoingPage(IReadOnlyList<OutgoingMove> Items, int Total, int Page)
{
    public int Pages => Math.Max(1, (Total + BarangayMoves.PageSize - 1) / BarangayMoves.PageSize);
}
