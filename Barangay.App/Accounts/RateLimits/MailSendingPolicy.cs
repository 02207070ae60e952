using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Barangay.App.Accounts.RateLimits;

/// <summary>
/// The <see cref="MailRateLimits.PolicyName"/> policy: a POST that sends mail takes one permit from its client
/// address's window and one from its target's (the email address typed in the form, else the signed-in account,
/// else the registration this browser follows); either one empty refuses it. The windows slide, so no burst slips
/// through at a window's edge. They live in this process: with several replicas each holds its own count.
/// </summary>
public sealed class MailSendingPolicy : IRateLimiterPolicy<string>
{
    private static readonly string[] AddressFields = ["Input.Email", "Input.NewEmail", "Email"];
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _targets;

    public MailSendingPolicy(MailLimitOptions options)
    {
        _clients = Windows(options.PerClient, options.Window);
        _targets = Windows(options.PerTarget, options.Window);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext ctx)
    {
        if (!SendsMail(ctx)) return RateLimitPartition.GetNoLimiter("");
        var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var target = Target(ctx);
        return RateLimitPartition.Get($"{client}\n{target}", _ => new BothLimiter(_clients, "client:" + client, _targets, target));
    }

    /// <summary>Only a sent form sends mail; on the status page only "withdraw" does.</summary>
    private static bool SendsMail(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method)
        && (!ctx.Request.Path.StartsWithSegments("/Identity/Account/RegistrationStatus", StringComparison.OrdinalIgnoreCase)
            || string.Equals(ctx.Request.Query["handler"], "Withdraw", StringComparison.OrdinalIgnoreCase));

    private static string? Target(HttpContext ctx)
    {
        if (ctx.Request.HasFormContentType && ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form)
        {
            foreach (var field in AddressFields)
                if (form[field].ToString().Trim().ToLowerInvariant() is { Length: > 0 and <= 254 } address) return "mail:" + address;
        }
        if (ctx.User.Identity is { IsAuthenticated: true, Name: { } name }) return "user:" + name;
        if (ctx.Request.Cookies[RegistrationCookie.Name] is { Length: > 0 } followed)
            return "registration:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(followed)))[..32];
        return null;
    }

    private static PartitionedRateLimiter<string> Windows(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(permits, 1), Window = window, SegmentsPerWindow = 5, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>One permit from the client's window and one from the target's; the shared windows outlive this wrapper.</summary>
    private sealed class BothLimiter(PartitionedRateLimiter<string> clients, string client, PartitionedRateLimiter<string> targets, string? target) : RateLimiter
    {
        // Idle at once: the middleware may drop this wrapper whenever it likes, the counts are in the shared windows.
        public override TimeSpan? IdleDuration => TimeSpan.FromMinutes(1);

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            // Look before taking (0 permits only asks), so a request one window refuses takes nothing from the other:
            // the middleware asks twice when refused (try, then wait), and a refusal must not cost the client twice.
            var clientOpen = clients.AttemptAcquire(client, 0);
            if (!clientOpen.IsAcquired) return clientOpen;
            if (target is not null)
            {
                var targetOpen = targets.AttemptAcquire(target, 0);
                if (!targetOpen.IsAcquired) return targetOpen;
            }
            var first = clients.AttemptAcquire(client, permitCount);
            if (!first.IsAcquired || target is null) return first;
            var second = targets.AttemptAcquire(target, permitCount);
            if (second.IsAcquired) return first;
            first.Dispose();
            return second;
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }
}
