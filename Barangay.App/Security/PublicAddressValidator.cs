using Barangay.Data.Common;
using Microsoft.Extensions.Options;

namespace Barangay.App.Security;

/// <summary>PublicBaseUrl must be an absolute http(s) address everywhere; in Production, AllowedHosts must name hosts.</summary>
public sealed class PublicAddressValidator(bool production) : IValidateOptions<PublicAddressOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicAddressOptions o)
    {
        var problems = new List<string>();
        if (PublicLinks.Problem(o.PublicBaseUrl) is { } p) problems.Add(p);
        if (production && PublicAddressOptions.AcceptsAnyHost(o.AllowedHosts))
            problems.Add("AllowedHosts must list the host names the app is reached by (for example \"barangay.example.gov.ph\"; "
                + "separate several with ';'). It is empty or \"*\", which lets any Host header through in Production.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
