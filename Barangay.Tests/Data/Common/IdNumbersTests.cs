using Barangay.Data.Common;

namespace Barangay.Tests.Data.Common;

/// <summary>Every shape an ID number is typed in comes out as XXXX-XXXX plus its last four letters or digits.</summary>
public class IdNumbersTests
{
    [Theory]
    [InlineData("1234-5678-9012", "XXXX-XXXX-9012")] // PhilSys card number (PCN)
    [InlineData("1234-5678-9012-345X", "XXXX-XXXX-345X")] // PSN with an X check character
    [InlineData("1234-5678-9012-345x", "XXXX-XXXX-345X")] // the same in lower case
    [InlineData("1234 5678 9012 3456", "XXXX-XXXX-3456")]
    [InlineData("PSN 1234 5678 9012", "XXXX-XXXX-9012")]
    [InlineData("  1234   5678  9012  ", "XXXX-XXXX-9012")]
    [InlineData("123456789012", "XXXX-XXXX-9012")]
    [InlineData("X123-4567-8901-2345", "XXXX-XXXX-2345")]
    [InlineData("P1234567A", "XXXX-XXXX-567A")] // passport
    [InlineData("N01-23-456789", "XXXX-XXXX-6789")] // driver's licence
    [InlineData("34-1234567-8", "XXXX-XXXX-5678")] // SSS
    [InlineData("CRN-0111-2345678-9", "XXXX-XXXX-6789")] // UMID
    [InlineData("1234/5678.9012_345X", "XXXX-XXXX-345X")]
    [InlineData("XXXX-XXXX-9012", "XXXX-XXXX-9012")] // already masked: round-trips
    [InlineData("xxxx-xxxx-345x", "XXXX-XXXX-345X")]
    public void Mask_EveryShape_KeepsOnlyTheLastFour(string input, string expected)
    {
        var masked = IdNumbers.Mask(input);

        masked.Should().Be(expected);
        IdNumbers.IsMasked(masked).Should().BeTrue();
        IdNumbers.Mask(masked).Should().Be(masked, "masking is idempotent");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12-3")]
    [InlineData("X-X-X")]
    public void Mask_TooShortOrBlank_StoresNothing(string? input) => IdNumbers.Mask(input).Should().BeNull();

    [Fact]
    public void MaskJson_IdUnderAnyKeyOrDepth_IsMasked()
    {
        var json = """
            {"changes":{"national_id_masked":{"old":null,"new":"1234-5678-9012-345X"}},
             "field":"NationalId","requested":"9876 5432 1098 765X","note":"keep 1234","NationalId":["1111-2222-3333-4444"]}
            """;

        var masked = IdNumbers.MaskJson(json)!;

        masked.Should().Contain("XXXX-XXXX-345X").And.Contain("XXXX-XXXX-765X").And.Contain("XXXX-XXXX-4444").And.Contain("keep 1234");
        masked.Should().NotContain("5678").And.NotContain("5432").And.NotContain("2222");
    }

    [Fact]
    public void MaskJson_NoIdKey_LeavesTheJsonAsItIs()
    {
        const string json = """{"reason":"duplicate 1234-5678-9012"}""";
        IdNumbers.MaskJson(json).Should().BeSameAs(json);
    }
}
