using System.Text.Json;
using Barangay.Data.Documents;

namespace Barangay.Tests.Data.Documents;

/// <summary>A template with a field that is not on the published list is refused when saved, not blanked when printed (issue 22, item 3).</summary>
public class CertificateTemplateTests
{
    private static string? Refusal(string meta)
    {
        using var doc = JsonDocument.Parse(meta);
        return CertificateTemplate.Refusal(doc.RootElement);
    }

    [Fact]
    public void Refusal_UnknownFieldInTheFilipinoWording_NamesItAndTheFieldsToUse()
    {
        var refusal = Refusal("""{"template":"This is to certify that {name}.","template_fil":"Pinatutunayan na si {pangalan}, {age} taong gulang."}""");

        refusal.Should().Contain("template_fil").And.Contain("{pangalan}").And.Contain("{civil_status}");
    }

    [Fact]
    public void Refusal_PublishedFieldsAndTheTypesOwnFields_Accepted()
    {
        Refusal("""{"fields":[{"key":"business_name","label":"Business name"}],"template":"{name} of {address} operates {business_name} for {purpose}."}""")
            .Should().BeNull();
        Refusal("""{"template":"{name} runs {business_name}."}""").Should().Contain("{business_name}", "the type does not ask for that field");
    }
}
