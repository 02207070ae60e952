using Barangay.Data.Complaints.Kp;

namespace Barangay.Tests.Data.Complaints;

/// <summary>Venue and residence (LGC secs. 408(f), 409): which barangay's Lupon may take up a dispute.</summary>
public class KpVenueTests
{
    private static readonly KpPlace Here = new("Barangay San Isidro", "Santa Maria");
    private static readonly KpPlace Poblacion = new("Poblacion", "Santa Maria");
    private static readonly KpPlace Bagbaguin = new("Bagbaguin", "Santa Maria");
    private static readonly KpPlace Norzagaray = new("Bigte", "Norzagaray");

    private static IReadOnlyList<string> Check(KpPlace complainant, KpPlace[] respondents, string kind = KpVenueKinds.Residence, KpPlace? site = null, bool agreed = false) =>
        KpVenueRules.Refusals(Here, complainant, respondents, kind, site, agreed);

    [Fact]
    public void BothResideHere_TakenUp_WhateverTheSpelling() =>
        Check(new KpPlace("Brgy. san isidro", "santa maria"), [Here]).Should().BeEmpty();

    [Fact]
    public void BothResideInAnotherBarangay_RefusedToThatBarangay_409a() =>
        Check(Poblacion, [Poblacion]).Should().ContainSingle().Which.Should().Contain("sec. 409(a)").And.Contain("Poblacion");

    [Fact]
    public void DifferentBarangaysSameTown_WhereARespondentResides_AtTheComplainantsChoice_409b()
    {
        Check(Poblacion, [Here]).Should().BeEmpty("a respondent resides here and the complainant chose it");
        Check(Poblacion, [Bagbaguin, Here]).Should().BeEmpty("any of the respondents");
        Check(Here, [Poblacion]).Should().ContainSingle().Which.Should().Contain("sec. 409(b)").And.Contain("Poblacion, Santa Maria");
    }

    [Fact]
    public void RealPropertyWhereItLies_409c()
    {
        Check(Here, [Poblacion], KpVenueKinds.RealProperty, Here).Should().BeEmpty("the lot lies here, though the respondent lives in Poblacion");
        Check(Here, [Here], KpVenueKinds.RealProperty, Bagbaguin).Should().ContainSingle().Which.Should().Contain("sec. 409(c)").And.Contain("Bagbaguin");
        Check(Here, [Here], KpVenueKinds.RealProperty).Should().ContainSingle().Which.Should().StartWith("Record the barangay where the real property lies");
    }

    [Fact]
    public void WorkplaceOrSchoolWhereItIs_409d()
    {
        Check(Poblacion, [Bagbaguin], KpVenueKinds.WorkplaceOrSchool, Here).Should().BeEmpty();
        Check(Here, [Here], KpVenueKinds.WorkplaceOrSchool, Poblacion).Should().ContainSingle().Which.Should().Contain("sec. 409(d)");
    }

    [Fact]
    public void RespondentInAnotherTown_Refused_UnlessAdjoiningAndAgreed_408f()
    {
        Check(Here, [Norzagaray]).Should().ContainSingle().Which.Should().Contain("sec. 408(f)").And.Contain("Norzagaray");
        Check(Norzagaray, [Here], agreed: true).Should().BeEmpty("adjoining barangays whose parties agreed, brought where the respondent resides");
    }
}
