using Barangay.Data.Reports;

namespace Barangay.Data.Municipality.Rollups;

/// <summary>A barangay left out of a roll-up (its database is down or too slow), named so the reader knows.</summary>
public sealed record MissingBarangay(string Name, string Reason);

/// <summary>One barangay's part of a roll-up.</summary>
public sealed record BarangayFigures<T>(string Name, string Slug, T Figures);

/// <summary>
/// The consolidated RBI monitoring report: the municipality's total (the sum of the barangays that answered), then each
/// barangay's whole-barangay figures, and the barangays that did not answer.
/// </summary>
public sealed record MunicipalFormC(Quarter Quarter, FormCArea Total, IReadOnlyList<BarangayFigures<FormCArea>> Barangays, IReadOnlyList<MissingBarangay> Missing);

/// <summary>Document issuance (with RA 11032 compliance) and KP cases by outcome, per barangay, over one period.</summary>
public sealed record MunicipalActivity(
    DateOnly From, DateOnly To, IReadOnlyList<BarangayFigures<IssuanceLine>> Issuance, IReadOnlyList<BarangayFigures<KpSection>> Kp,
    IReadOnlyList<MissingBarangay> Missing);

public static class MunicipalReportKinds
{
    public const string FormC = "form-c";
    public const string Population = "population";
    public const string Activity = "activity";

    public static readonly IReadOnlyList<string> All = [FormC, Population, Activity];
}

/// <summary>Bounds for the fan-out over barangay databases (<c>Municipality:Rollups:*</c>).</summary>
public sealed class RollupOptions
{
    /// <summary>Barangay databases queried at once; with the pool sizes this bounds the connections a roll-up holds.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How long one barangay may take before it is listed as missing.</summary>
    public TimeSpan PerBarangayTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
