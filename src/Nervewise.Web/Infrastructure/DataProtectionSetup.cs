using Microsoft.AspNetCore.DataProtection;
using Nervewise.Data;

namespace Nervewise.Web.Infrastructure;

internal static class DataProtectionSetup
{
    /// <summary>Keys in the database, shared by every instance.</summary>
    public static IServiceCollection AddNervewiseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("Nervewise")
            .PersistKeysToDbContext<NervewiseDbContext>();
        return services;
    }

    /// <summary>
    /// Data Protection's hosted service reads the key ring before the server answers anything. A request that needs
    /// it (a cookie, a form, OpenIddict's keys) reads it then; one that does not (/health) has no reason to wait.
    /// Called after every registration: each AddDataProtection (Identity, antiforgery) would add the service again.
    /// </summary>
    public static IServiceCollection ReadKeyRingAtFirstUse(this IServiceCollection services)
    {
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService
            && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(warmUp);
        }
        return services;
    }
}
