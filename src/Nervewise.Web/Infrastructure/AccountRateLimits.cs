using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// How many sign-in and registration attempts one address may make, and how many invite codes one account or one
/// address may try. Identity's lockout already stops guessing one account's password; this stops one address trying
/// many accounts, or making many, and a clinician's account guessing other people's invite codes.
/// </summary>
public sealed class AccountRateLimitSettings
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;
    public int SignInAttempts { get; set; } = 20;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);
    public int Registrations { get; set; } = 10;
    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Posts that send mail or spend an emailed link (forgotten password, reset, confirmation), per address.</summary>
    public int EmailRequests { get; set; } = 10;
    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Invite codes tried (right or wrong), counted per signed-in account and, apart, per address.</summary>
    public int InviteAttempts { get; set; } = 10;
    public TimeSpan InviteWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts invite-code attempts. It is asked by the page itself, after sign-in is known: the app-wide limiter runs
/// before authentication and could only count addresses. Every attempt counts, right or wrong, so that parallel
/// guesses cannot slip between a check and a count. With about 10^12 codes, 10 tries a quarter hour finds none.
/// </summary>
public sealed class InviteAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Account, string Address)> _limiter;
    private readonly bool _enabled;

    public InviteAttemptLimiter(IOptions<AccountRateLimitSettings> configured)
    {
        var settings = configured.Value;
        _enabled = settings.Enabled;
        FixedWindowRateLimiterOptions Window() =>
            new() { PermitLimit = settings.InviteAttempts, Window = settings.InviteWindow, QueueLimit = 0 };
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Account, string Address), string>(
                attempt => RateLimitPartition.GetFixedWindowLimiter("account:" + attempt.Account, _ => Window())),
            PartitionedRateLimiter.Create<(string Account, string Address), string>(
                attempt => RateLimitPartition.GetFixedWindowLimiter("address:" + attempt.Address, _ => Window())));
    }

    /// <summary>Null when this attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string accountId, HttpContext context)
    {
        if (!_enabled)
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire((accountId, context.Connection.RemoteIpAddress?.ToString() ?? ""));
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    /// <summary>Refuses with 429 and Retry-After; the status page then says "Too many tries".</summary>
    public static IActionResult TooMany(HttpContext context, TimeSpan retryAfter)
    {
        SetRetryAfter(context, retryAfter);
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    internal static void SetRetryAfter(HttpContext context, TimeSpan retryAfter) =>
        context.Response.Headers.RetryAfter =
            ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _limiter.Dispose();
}

internal static class AccountRateLimits
{
    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound when first used, so a test host's settings apply too.
        services.Configure<AccountRateLimitSettings>(configuration.GetSection(AccountRateLimitSettings.Section));
        services.AddRateLimiter(_ => { });
        services.AddSingleton<InviteAttemptLimiter>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountRateLimitSettings>>((options, configured) =>
        {
            var settings = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    InviteAttemptLimiter.SetRetryAfter(context.HttpContext, retryAfter);
                }
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = new OnlyLimited(settings, PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Limited(context, settings) is { } limit
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{limit.Name}:{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("")));
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
        // The second step shares the first step's budget: codes are guessed like passwords.
        if (path.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/account/sign-in/code", StringComparison.OrdinalIgnoreCase))
        {
            return ("sign-in", settings.SignInAttempts, settings.SignInWindow);
        }
        if (path.Equals("/account/register", StringComparison.OrdinalIgnoreCase))
        {
            return ("register", settings.Registrations, settings.RegistrationWindow);
        }
        // Without a limit, the forgotten-password form would mail any account's owner as often as a stranger liked.
        if (path.Equals("/account/forgot-password", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/account/reset-password", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/account/confirm-email", StringComparison.OrdinalIgnoreCase))
        {
            return ("email", settings.EmailRequests, settings.EmailWindow);
        }
        return null;
    }

    /// <summary>
    /// Passes every request that no limit counts straight through: the partitioned limiter takes a lock on each
    /// request to find its partition, which every API call and page paid for, and waited on under load.
    /// </summary>
    private sealed class OnlyLimited(AccountRateLimitSettings settings, PartitionedRateLimiter<HttpContext> limited) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => limited.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            Limited(resource, settings) is null ? Free.Lease : limited.AttemptAcquire(resource, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            Limited(resource, settings) is null ? ValueTask.FromResult<RateLimitLease>(Free.Lease) : limited.AcquireAsync(resource, permitCount, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                limited.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>An acquired lease that holds nothing, so one serves every request.</summary>
    private sealed class Free : RateLimitLease
    {
        public static readonly Free Lease = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
