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
