namespace Barangay.App.Security;

/// <summary>The configuration <see cref="PublicAddress"/> checks.</summary>
public sealed class PublicAddressOptions
{
    public string? PublicBaseUrl { get; set; }
    public string? AllowedHosts { get; set; }

    public static bool AcceptsAnyHost(string? allowedHosts) =>
        allowedHosts?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is not { Length: > 0 } hosts
        || hosts.Any(h => h == "*");
}
