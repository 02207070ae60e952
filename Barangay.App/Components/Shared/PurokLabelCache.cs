using Barangay.Data.Settings;

namespace Barangay.App.Components.Shared;

/// <summary>
/// The purok labels, read once per circuit (a handful of lookup rows) and shared by every <see cref="PurokName"/> on
/// its pages, so a grid of 25 rows asks the database once, not 25 times.
/// </summary>
public sealed class PurokLabelCache(LookupService lookups)
{
    private Task<PurokLabels>? _labels;

    public Task<PurokLabels> GetAsync() => _labels ??= lookups.PurokLabelsAsync();
}
