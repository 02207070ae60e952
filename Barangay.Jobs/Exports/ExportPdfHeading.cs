using Barangay.Data.Settings;

namespace Barangay.Jobs.Exports;

/// <summary>
/// What a PDF export prints above its table: the barangay's header (from settings), the title and when it was prepared.
/// Its fixed words and column headings follow the barangay's report language (issue 26, item 4: printed reports stay
/// English unless the barangay chooses otherwise); the cells are the data as stored.
/// </summary>
public sealed record ExportPdfHeading(string Title, BarangayProfile? Profile, DateTime PreparedUtc)
{
    public Barangay.Data.Reports.PrintLanguage Language => Barangay.Data.Reports.PrintLanguage.Of(Profile?.ReportLanguage);
}
