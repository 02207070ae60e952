using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Barangay.Data.Accounts.Throttling;

public static class PasswordGateServices
{
    /// <summary>The gate and its parts. The app replaces the attempt source with one that reads the request.</summary>
    public static IServiceCollection AddPasswordGate(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<ProofOfWork>();
        services.TryAddSingleton<SessionService>();
        services.TryAddScoped<IPasswordAttemptSource, NoRequestAttemptSource>();
        services.TryAddScoped<IPasswordFailures, BarangayPasswordFailures>();
        services.TryAddScoped<IPasswordHasher<User>, PasswordHasher<User>>(); // Identity registers the same; also here for hosts without Identity
        // A barangay's gate: the owner's-browser mark is per barangay (KnownAccountScope).
        services.TryAddScoped(sp => new PasswordGate(sp.GetRequiredService<IPasswordFailures>(), sp.GetRequiredService<ProofOfWork>(),
            KnownAccountScope.ForBarangay(sp.GetRequiredService<IPasswordAttemptSource>()), sp.GetRequiredService<IPasswordHasher<User>>(),
            sp.GetService<UserManager<User>>()));
        return services;
    }
}
