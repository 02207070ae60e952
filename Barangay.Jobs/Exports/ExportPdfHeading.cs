using Barangay.Data.Settings;

namespace Barangay.Jobs.Exports;

/// <summary>What a PDF export prints above its table: the barangay's header (from settings), the title and when it was prepared.</summary>
public sealed record ExportPdfHeading(string Title, BarangayProfile? Profile, DateTime PreparedUtc);
