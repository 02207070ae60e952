namespace Barangay.Data.Complaints.Kp;

/// <summary>What a printed KP form shows: the barangay's header, the case caption, the title, the body and who signs.</summary>
public sealed record KpFormData(
    string BarangayName, string Locality, string Region, string CaseNo, string Complainant, IReadOnlyList<string> Respondents, string CaseTitle,
    string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Name, string Role)> Signatures, DateTime IssuedAt,
    string FormNo = "", string Language = KpLanguages.English);
