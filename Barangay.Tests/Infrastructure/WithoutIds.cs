using System.Text.RegularExpressions;

namespace Barangay.Tests.Infrastructure;

/// <summary>
/// Text with every GUID taken out. A check that digits of a national ID never leak must not read the random record ids
/// beside them: "…-6f1ef9012f6f" holds "9012" one run in a few thousand, and such a test then fails on nothing.
/// </summary>
public static partial class WithoutIds
{
    public static string Of(string? text) => Guid().Replace(text ?? "", "<id>");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
