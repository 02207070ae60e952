using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Barangay.App.Municipality;

/// <summary>The municipal pages' HTML: plain server-rendered forms (no script), every user-supplied value encoded.</summary>
internal sealed class MunicipalPage(HttpContext http, string title)
{
    private readonly StringBuilder _body = new();

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public MunicipalPage Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    /// <summary>A POST form carrying the antiforgery token.</summary>
    public string Form(string action, string inner, string button)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<form method=\"post\" action=\"{E(action)}\"><input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">"
            + inner + $"<button type=\"submit\">{E(button)}</button></form>";
    }

    /// <summary>
    /// The proof-of-work field and box a password form carries: the same data the barangay forms' _Challenge partial
    /// writes, for the same script; the box is shown only when the gate requires the challenge.
    /// </summary>
    public static string Challenge(Barangay.Data.Accounts.Throttling.ChallengeOffer offer)
    {
        var c = offer.Challenge;
        return "<input type=\"hidden\" name=\"altcha\" value=\"\">"
            + $"<p data-testid=\"pow-challenge\" data-pow data-challenge=\"{E(c.ChallengeHash)}\" data-salt=\"{E(c.Salt)}\" data-max=\"{c.MaxNumber}\" data-signature=\"{E(c.Signature)}\""
            + " data-done=\"Security check done.\" data-waiting=\"Finishing the security check, then sending…\" data-failed=\"The security check failed; reload the page.\""
            + (offer.Required ? "" : " hidden") + "><span data-pow-status>Your browser is doing a quick security check because of recent failed attempts…</span></p>";
    }

    /// <summary>The script that solves the challenge (a file of the app's own: the Content-Security-Policy allows no inline script).</summary>
    public const string ChallengeScript = "<script src=\"/municipality/js/altcha.js\"></script>";

    public IResult Result(int status = 200) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Municipality</title></head>
        <body><header><p><a href="/municipality">Municipality</a></p></header><main><h1>{E(title)}</h1>
        {_body}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
