using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Barangay.App.Accounts.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter on every page that sends an email (or SMS) on a visitor's say-so: forgot password,
/// resend confirmation, registration, withdrawing a registration, changing the email address. One named policy,
/// <see cref="PolicyName"/>, limits each sent form per client address and per target (the email address in the
/// form, else the signed-in account or the registration this browser follows); see <see cref="MailSendingPolicy"/>.
/// A refused request gets 429 and a page a person understands.
/// </summary>
public static class MailRateLimits
{
    public const string PolicyName = "mail";

    /// <summary>Pages (in the Identity area) whose POST sends mail. A new page that sends mail belongs here.</summary>
    public static readonly string[] Pages =
    [
        "/Account/ForgotPassword", "/Account/ResendEmailConfirmation", "/Account/Register", "/Account/RegistrationStatus",
        "/Account/Manage/Email",
    ];

    public static WebApplicationBuilder AddMailRateLimits(this WebApplicationBuilder b)
    {
        var options = new MailLimitOptions();
        b.Configuration.GetSection("RateLimits:Mail").Bind(options);
        b.Services.AddSingleton(options);
        b.Services.AddSingleton<MailSendingPolicy>();
        b.Services.AddRateLimiter(o =>
        {
            o.AddPolicy<string, MailSendingPolicy>(PolicyName);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => TooManyPage.WriteAsync(context.HttpContext, context.Lease, ct);
        });
        b.Services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var page in Pages)
                o.Conventions.AddAreaPageApplicationModelConvention("Identity", page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(PolicyName)));
        });
        return b;
    }

    /// <summary>After authentication (the target may be the signed-in account), before the pages.</summary>
    public static WebApplication UseMailRateLimits(this WebApplication app)
    {
        // The policy decides synchronously, so the form (with the target address) is read first, under the page's own form limits.
        app.Use(async (ctx, next) =>
        {
            if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.HasFormContentType
                && ctx.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName)
            {
                if (ctx.GetEndpoint()!.Metadata.GetMetadata<RequestFormLimitsAttribute>() is { } limits)
                    ctx.Features.Set<IFormFeature>(new FormFeature(ctx.Request, FormOptionsOf(limits)));
                try
                {
                    await ctx.Request.ReadFormAsync(ctx.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // An oversized form: the page answers it as it always did; the limiter counts it without a target.
                }
            }
            await next(ctx);
        });
        app.UseRateLimiter();
        return app;
    }

    private static FormOptions FormOptionsOf(RequestFormLimitsAttribute a) => new()
    {
        BufferBody = a.BufferBody, MemoryBufferThreshold = a.MemoryBufferThreshold, BufferBodyLengthLimit = a.BufferBodyLengthLimit,
        ValueCountLimit = a.ValueCountLimit, KeyLengthLimit = a.KeyLengthLimit, ValueLengthLimit = a.ValueLengthLimit,
        MultipartBoundaryLengthLimit = a.MultipartBoundaryLengthLimit, MultipartHeadersCountLimit = a.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = a.MultipartHeadersLengthLimit, MultipartBodyLengthLimit = a.MultipartBodyLengthLimit,
    };
}
