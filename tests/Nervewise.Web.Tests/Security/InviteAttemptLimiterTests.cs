using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Tests.Security;

/// <summary>Invite codes are counted per account and, apart, per address: changing either one does not reset the count.</summary>
public sealed class InviteAttemptLimiterTests
{
    private static InviteAttemptLimiter Limiter(int attempts = 3) =>
        new(Options.Create(new AccountRateLimitSettings { InviteAttempts = attempts, InviteWindow = TimeSpan.FromMinutes(15) }));

    private static DefaultHttpContext From(string address) =>
        new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    [Fact]
    public void The_defaults_are_ten_tries_a_quarter_hour()
    {
        var settings = new AccountRateLimitSettings();
        Assert.Equal((10, TimeSpan.FromMinutes(15)), (settings.InviteAttempts, settings.InviteWindow));
    }

    [Fact]
    public void One_account_moving_between_addresses_is_still_counted()
    {
        using var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAttempt("clinician-1", From($"192.0.2.{i + 1}")));
        }

        var wait = limiter.TryAttempt("clinician-1", From("198.51.100.7"));

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.Null(limiter.TryAttempt("clinician-2", From("198.51.100.7"))); // others there are not held up by it
    }

    [Fact]
    public void Many_accounts_from_one_address_are_counted_together()
    {
        using var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAttempt($"clinician-{i}", From("192.0.2.1")));
        }

        Assert.NotNull(limiter.TryAttempt("clinician-9", From("192.0.2.1")));
        Assert.Null(limiter.TryAttempt("clinician-9", From("192.0.2.2")));
    }

    [Fact]
    public void Switched_off_it_never_refuses()
    {
        using var limiter = new InviteAttemptLimiter(Options.Create(new AccountRateLimitSettings { Enabled = false, InviteAttempts = 1 }));

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Null(limiter.TryAttempt("clinician-1", From("192.0.2.1"))));
    }
}
