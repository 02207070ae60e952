namespace Barangay.Data.Settings;

/// <summary>A key-value setting; <see cref="Value"/> is JSON.</summary>
public class AppSetting
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}
