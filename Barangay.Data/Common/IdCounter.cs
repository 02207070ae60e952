namespace Barangay.Data.Common;

/// <summary>One row per (prefix, year): the last human ID number handed out, e.g. RES 2026 → 123 gives RES-2026-000123.</summary>
public class IdCounter
{
    public string Prefix { get; set; } = "";
    public int Year { get; set; }
    public long LastValue { get; set; }
}
