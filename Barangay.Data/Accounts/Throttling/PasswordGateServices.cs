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
        services.TryAddScoped<PasswordGate>();
        return services;
    }
}
