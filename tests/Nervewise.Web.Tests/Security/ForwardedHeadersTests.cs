using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

/// <summary>X-Forwarded-For is believed only from a configured proxy, so the rate limits count the real sender.</summary>
public sealed class ForwardedHeadersTests() : AppTest(DatabaseProvider.Sqlite)
{
    private const string Sender = "203.0.113.7";

    /// <summary>The app as reached from <see cref="Sender"/> (the test server has no address of its own), with these settings.</summary>
    private WebApplicationFactory<Program> From(int signIns, params (string Key, string Value)[] settings) => App.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("RateLimits:SignInAttempts", signIns.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        // Outermost, before the host's own forwarded-headers middleware.
        builder.ConfigureTestServices(services => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new SenderAddress(IPAddress.Parse(Sender)))));
    });

    private static async Task<HttpStatusCode> SignInAsync(WebApplicationFactory<Program> app, string forwardedFor)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SignInAsync("nobody@example.com", "not the password");
        return response.StatusCode;
    }

    public static TheoryData<string, string> NoProxyOrAnother => new()
    {
        { "ForwardedHeaders_Enabled", "true" }, // ASPNETCORE_FORWARDEDHEADERS_ENABLED, which alone trusted anyone
        { "ForwardedHeaders:KnownProxies:0", "10.0.0.1" },
    };

    [Theory]
    [MemberData(nameof(NoProxyOrAnother))]
    public async Task Made_up_forwarded_addresses_count_as_one_sender(string key, string value)
    {
        var app = From(signIns: 20, (key, value));

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 25; i++)
        {
            statuses.Add(await SignInAsync(app, $"198.51.100.{i}"));
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", Sender, false)]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "203.0.113.0/24", false)]
    [InlineData("ForwardedHeaders:KnownProxies", Sender, true)] // with the host's switch on too
    public async Task Behind_a_configured_proxy_each_forwarded_address_counts(string key, string value, bool hostSwitch)
    {
        var settings = new List<(string, string)> { (key, value) };
        if (hostSwitch)
        {
            settings.Add(("ForwardedHeaders_Enabled", "true"));
        }
        var app = From(signIns: 3, [.. settings]);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await SignInAsync(app, "198.51.100.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(app, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(app, "198.51.100.2"));
        // A client's own made-up entry before the proxy's is not believed: the proxy appended the real one last.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(app, "192.0.2.50, 198.51.100.1"));
    }

    private sealed class SenderAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Connection.RemoteIpAddress = address;
                return inner(context);
            });
            next(app);
        };
    }
}
