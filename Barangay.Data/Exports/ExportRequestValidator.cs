using Barangay.Data.Exports.Datasets;
using Barangay.Data.Localization;

namespace Barangay.Data.Exports;

/// <summary>The filters of an export request, checked by the service before a row is written; each message names the field.</summary>
public static class ExportRequestValidator
{
    public const int MaxAge = 130;

    public static (string Field, string Message)? Validate(ExportRequest r)
    {
        if (r.From is { } from && r.To is { } to && from > to)
            return (nameof(r.To), Texts.Say("\"To\" ({0:yyyy-MM-dd}) is before \"From\" ({1:yyyy-MM-dd}).", to, from));
        foreach (var (field, value) in new[] { (nameof(r.Purok), r.Purok), (nameof(r.Status), r.Status), (nameof(r.Sex), r.Sex) })
        {
            // Codes never hold these; the residents' SQL takes its filters as quoted literals (COPY has no parameters).
            if (value is not null && (value.Length > 100 || value.AsSpan().IndexOfAny('\0', '\\') >= 0))
                return (field, Texts.Say("{0} \"{1}\" is not one of the choices.", Texts.Say(field), value[..Math.Min(value.Length, 40)]));
        }
        if (r.Dataset != ExportDatasets.Custom) return null;
        if (r.Sex is { } sex && !string.IsNullOrWhiteSpace(sex) && !Residents.ResidentLists.Sexes.Contains(sex.Trim()))
            return (nameof(r.Sex), Texts.Say("Sex must be one of: {0}.", string.Join(", ", Residents.ResidentLists.Sexes.Select(s => Texts.Say(s)))));
        if (r.MinAge is < 0 or > MaxAge) return (nameof(r.MinAge), Texts.Say("Minimum age must be between 0 and {0}.", MaxAge));
        if (r.MaxAge is < 0 or > MaxAge) return (nameof(r.MaxAge), Texts.Say("Maximum age must be between 0 and {0}.", MaxAge));
        if (r.MinAge is { } min && r.MaxAge is { } max && min > max) return (nameof(r.MaxAge), Texts.Say("Maximum age ({0}) is below the minimum age ({1}).", max, min));
        if (r.Columns is not { Count: > 0 } columns) return (nameof(r.Columns), Texts.Say("Choose at least one column for a custom export."));
        var unknown = columns.Where(c => ResidentExportRows.IndexOf(c) < 0).ToList();
        if (unknown.Count > 0)
            return (nameof(r.Columns), $"Unknown column(s): {string.Join(", ", unknown)}. Columns must be among: {string.Join(", ", ResidentExportRows.Headers)}.");
        return null;
    }

    /// <summary>The chosen columns, spelled as the headers are and without repeats.</summary>
    public static IReadOnlyList<string> CustomColumns(ExportRequest r) =>
        (r.Columns ?? []).Select(c => ResidentExportRows.Headers[ResidentExportRows.IndexOf(c)]).Distinct().ToList();
}
