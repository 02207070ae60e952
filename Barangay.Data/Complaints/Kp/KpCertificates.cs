namespace Barangay.Data.Complaints.Kp;

/// <summary>
/// Which Certification to File Action a case gets: the 1992 KP set has three, each with its own wording and number
/// (docs/katarungang-pambarangay.md, "KP forms"). KP Form 20: a settlement (or agreement to arbitrate) was reached and
/// repudiated — certified by the Lupon secretary, attested by the Lupon chairman. KP Form 20-A: mediation failed and the
/// Pangkat's conciliation failed too — certified by the Pangkat secretary, attested by the Pangkat chairman. KP Form
/// 20-B: the respondent wilfully failed to appear before the Pangkat (KP Rules, Rule VI sec. 8) — likewise by the
/// Pangkat. The case page and the printed form both take the number from here.
/// </summary>
public static class KpCertificates
{
    public const string Repudiated = "20";
    public const string ConciliationFailed = "20-A";
    public const string RespondentAbsent = "20-B";

    /// <summary>The act recorded when the Pangkat found the respondent's failure to appear unjustified (KP Rules, Rule VI sec. 8).</summary>
    public const string RespondentAbsentStep = "respondent_absent_before_pangkat";

    public static string Number(string stage, IEnumerable<KpAct> acts) =>
        stage == KpStages.Repudiated ? Repudiated
        : acts.Any(a => a.Step == RespondentAbsentStep) ? RespondentAbsent
        : ConciliationFailed;

    public static string Title(string number, bool filipino) => (number, filipino) switch
    {
        (Repudiated, false) => "Certification to File Action (settlement repudiated)",
        (Repudiated, true) => "Katibayan Upang Makapagsampa ng Demanda (itinakwil ang kasunduan)",
        (RespondentAbsent, false) => "Certification to File Action (respondent failed to appear)",
        (RespondentAbsent, true) => "Katibayan Upang Makapagsampa ng Demanda (hindi humarap ang ipinagsusumbong)",
        (_, false) => "Certification to File Action (conciliation failed)",
        (_, true) => "Katibayan Upang Makapagsampa ng Demanda (nabigo ang pagkakasundo)",
    };
}
