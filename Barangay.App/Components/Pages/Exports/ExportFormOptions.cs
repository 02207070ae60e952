using Barangay.Data.Complaints;
using Barangay.Data.Documents;
using Barangay.Data.Events;
using Barangay.Data.Exports;
using Barangay.Data.Residents;

namespace Barangay.App.Components.Pages.Exports;

/// <summary>Which filters the export form offers for each dataset (the service ignores the ones a dataset has not got).</summary>
public static class ExportFormOptions
{
    public static IReadOnlyList<string> StatusesOf(string dataset) => dataset switch
    {
        ExportDatasets.Residents or ExportDatasets.Custom => [ResidentStatuses.Active, ResidentStatuses.Archived],
        ExportDatasets.DocumentRequests => DocumentRequestStatuses.All,
        ExportDatasets.Complaints => ComplaintStatuses.All,
        ExportDatasets.Events => [EventStatuses.Draft, EventStatuses.Published, EventStatuses.Cancelled],
        _ => [],
    };

    /// <summary>Datasets with a date to bound: filing, reporting, the event's start, the audit row's time.</summary>
    public static bool HasPeriod(string dataset) =>
        dataset is ExportDatasets.DocumentRequests or ExportDatasets.Complaints or ExportDatasets.Events or ExportDatasets.FullAudit;
}
