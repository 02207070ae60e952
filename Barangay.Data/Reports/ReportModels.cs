namespace Barangay.Data.Reports;

/// <summary>A calendar quarter (1–4) of a year, in Manila dates.</summary>
public sealed record Quarter(int Year, int Number)
{
    public DateOnly First => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    /// <summary>
    /// "4th quarter 2026 (as of December 31, 2026)" in the print's language: the culture is passed, never the thread's
    /// (a Filipino circuit or a server set to another culture would otherwise change an English report's month name).
    /// </summary>
    public string Label(PrintLanguage language) => language.Quarter(this);

    public bool IsValid => Number is >= 1 and <= 4 && Year is >= 2000 and <= 2100;

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);
}

/// <summary>A male/female/total line (total includes residents whose sex is not recorded).</summary>
public sealed record SexCount(string Label, int Male, int Female, int Total);

/// <summary>The RBI monitoring report (DILG Form C) for one area: the whole barangay or one purok.</summary>
public sealed record FormCArea(
    string Label, string? PurokCode, IReadOnlyList<SexCount> AgeBrackets, IReadOnlyList<SexCount> Sectors,
    IReadOnlyList<SexCount> CivilStatus, IReadOnlyList<SexCount> Citizenship, int Inhabitants, int Households, int Families);

/// <summary>The whole barangay first, then each purok (or just the one purok asked for).</summary>
public sealed record FormCReport(Quarter Quarter, IReadOnlyList<FormCArea> Areas);

/// <summary>
/// One document type's line in the issuance report. <see cref="Approved"/> requests (approved in the period) are the ones
/// whose turnaround is measured; <see cref="WithinLimit"/> of them were approved by their RA 11032 deadline.
/// </summary>
public sealed record IssuanceLine(
    string Type, int Filed, int Approved, int Released, int RejectedOrCancelled, int Receipts, int Waived, decimal FeesCollected,
    double AverageWorkingDays, int WithinLimit)
{
    /// <summary>The sum of the approved requests' working days (for the total line's exact average).</summary>
    public int TotalWorkingDays { get; init; }

    public Percent ShareWithinLimit => Percent.Of(WithinLimit, Approved);
}

/// <summary>Requests filed, released and paid between two Manila dates (inclusive), by document type, with a total line.</summary>
public sealed record IssuanceReport(DateOnly From, DateOnly To, IReadOnlyList<IssuanceLine> Lines, IssuanceLine Total);

/// <summary>One complaint category: how many were filed, where they stand, and the average days to resolution.</summary>
public sealed record ComplaintCategoryLine(string Category, int Filed, int Open, int Resolved, int Closed, int Rejected, double AverageDaysToResolve);

/// <summary>Complaints reported between two Manila dates (inclusive) by category and outcome, and the KP cases filed in them.</summary>
public sealed record ComplaintsReport(DateOnly From, DateOnly To, IReadOnlyList<ComplaintCategoryLine> Lines, ComplaintCategoryLine Total, KpSection Kp);

/// <summary>
/// One stage or outcome of the KP cases (<see cref="KpReportLines"/>): how many cases stand there, and for the
/// settlements and awards the average calendar days from filing to the outcome (NaN elsewhere).
/// </summary>
public sealed record KpOutcomeLine(string Outcome, int Cases, double AverageDaysFromFiling);

/// <summary>
/// The Katarungang Pambarangay cases filed in the report's period: each in exactly one <see cref="Lines"/> entry (so they
/// add up to <see cref="Total"/>), the amicable settlements (mediation or conciliation) with their average days from
/// filing, and the pending cases with a step past its deadline when the report was made.
/// </summary>
public sealed record KpSection(IReadOnlyList<KpOutcomeLine> Lines, int Total, int Settled, double AverageDaysToSettlement, int PastDeadline)
{
    /// <summary>The same cases by outcome and by the nature of the dispute, as the Lupon's monthly report counts them; the last row is the total.</summary>
    public IReadOnlyList<KpNatureLine> ByNature { get; init; } = [];
}

/// <summary>One outcome line of the KP cases split by the nature of the dispute (<see cref="Complaints.Kp.KpNatures"/>).</summary>
public sealed record KpNatureLine(string Outcome, int Criminal, int Civil, int Others)
{
    public int Total => Criminal + Civil + Others;
}

public static class ReportKinds
{
    public const string FormC = "form-c";
    public const string Issuance = "issuance";
    public const string Complaints = "complaints";

    public static readonly IReadOnlyList<string> All = [FormC, Issuance, Complaints];
}

public static class ReportFormats
{
    public const string Pdf = "pdf";
    public const string Xlsx = "xlsx";

    public static string ContentType(string format) => format == Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>What to report on: the kind, the quarter (Form C) or the date range (the others), and a purok (Form C).</summary>
public sealed record ReportRequest(string Kind, string Format, Quarter? Quarter = null, DateOnly? From = null, DateOnly? To = null, string? Purok = null)
{
    /// <summary>A4 (the default) or Legal, for the PDF.</summary>
    public string? Paper { get; init; }
}

/// <summary>A rendered report to download.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);
