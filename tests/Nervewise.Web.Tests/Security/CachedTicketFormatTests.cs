using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>
/// The session cookie is decrypted once and its ticket kept by the cookie's hash (ADR 0033): each request still gets
/// a ticket of its own, a cookie that does not decrypt is never kept, and the app's session cookie uses it.
/// </summary>
public sealed class CachedTicketFormatTests
{
    private sealed class Counting : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotects { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotects++;
            if (protectedText is null || !protectedText.StartsWith("good", StringComparison.Ordinal))
            {
                return null;
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, protectedText + purpose)], "test");
            return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UnixEpoch }, "test");
        }
    }

    [Fact]
    public void A_cookie_is_decrypted_once_and_each_caller_gets_its_own_ticket()
    {
        var inner = new Counting();
        using var format = new CachedTicketFormat(inner);

        var first = format.Unprotect("good-cookie")!;
        first.Properties.ExpiresUtc = DateTimeOffset.MaxValue;
        first.Principal.Identities.Single().AddClaim(new Claim("added", "by a caller"));
        var second = format.Unprotect("good-cookie")!;

        Assert.Equal(1, inner.Unprotects);
        Assert.NotSame(first, second);
        Assert.Equal(DateTimeOffset.UnixEpoch, second.Properties.ExpiresUtc);
        Assert.Null(second.Principal.FindFirst("added"));
        Assert.Equal("good-cookie", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void Other_cookies_and_purposes_are_other_tickets_and_failures_are_not_kept()
    {
        var inner = new Counting();
        using var format = new CachedTicketFormat(inner);

        Assert.Equal("good-onea", format.Unprotect("good-one", "a")!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("good-oneb", format.Unprotect("good-one", "b")!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("good-two", format.Unprotect("good-two")!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect(""));

        Assert.Equal(6, inner.Unprotects);
    }

    [Fact]
    public async Task The_apps_session_cookie_uses_it_and_only_that_cookie_does()
    {
        await using var database = await Nervewise.Testing.TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new Nervewise.Testing.NervewiseApp(database.Settings);
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.IsType<CachedTicketFormat>(options.Get(IdentityConstants.ApplicationScheme).TicketDataFormat);
        Assert.IsNotType<CachedTicketFormat>(options.Get(IdentityConstants.TwoFactorUserIdScheme).TicketDataFormat);
    }
}
