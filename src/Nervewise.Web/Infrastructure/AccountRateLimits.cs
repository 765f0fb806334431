using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// How many sign-in and registration attempts one address may make. Identity's lockout already stops
/// guessing one account's password; this stops one address trying many accounts, or making many.
/// </summary>
public sealed class AccountRateLimitSettings
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;
    public int SignInAttempts { get; set; } = 20;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);
    public int Registrations { get; set; } = 10;
    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromHours(1);
}

internal static class AccountRateLimits
{
    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound when first used, so a test host's settings apply too.
        services.Configure<AccountRateLimitSettings>(configuration.GetSection(AccountRateLimitSettings.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountRateLimitSettings>>((options, configured) =>
        {
            var settings = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Limited(context, settings) is { } limit
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{limit.Name}:{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>Only the posts that check a password or make an account count; reading the forms is free.</summary>
    private static (string Name, int Permits, TimeSpan Window)? Limited(HttpContext context, AccountRateLimitSettings settings)
    {
        if (!settings.Enabled || !HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }
        var path = context.Request.Path;
        if (path.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase))
        {
            return ("sign-in", settings.SignInAttempts, settings.SignInWindow);
        }
        if (path.Equals("/account/register", StringComparison.OrdinalIgnoreCase))
        {
            return ("register", settings.Registrations, settings.RegistrationWindow);
        }
        return null;
    }
}
