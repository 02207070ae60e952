namespace Barangay.Data.Municipality;

/// <summary>A municipal setting (<see cref="MunicipalSettingKeys"/>): plain text values.</summary>
public class MunicipalSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

public static class MunicipalSettingKeys
{
    public const string Municipality = "municipality";
    public const string Province = "province";
    public const string Region = "region";
}
