using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nervewise.Data;

namespace Nervewise.Testing;

/// <summary>The real web app on a database of the test's own.</summary>
public sealed class NervewiseApp(DatabaseSettings settings) : WebApplicationFactory<Program>
{
    static NervewiseApp()
    {
        // Hundreds of short-lived apps each watching their files would use up the machine's inotify instances
        // (often 128 per user): tests never change files, so no reloading, and polling where a watcher is made.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private static readonly ConditionalWeakTable<HttpClient, NervewiseApp> Clients = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NervewiseApp> Served = new();
    private string? _servedAt;

    /// <summary>The server's clock, when a test needs a fixed moment (a browser test across a clock change); else the real one.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The mail this app sent: a pickup folder of its own, unless a test points it at an SMTP server.</summary>
    public Mailbox Mailbox { get; } = new(Path.Combine(Path.GetTempPath(), "nervewise-tests", "mail-" + Guid.NewGuid().ToString("N")));

    /// <summary>What the app logged (its last lines), in place of the console.</summary>
    public AppLog Log { get; } = new();

    /// <summary>Logs each request and antiforgery's refusals too, for a browser test's record of a failure.</summary>
    public bool LogRequests { get; init; }

    /// <summary>The app a client made by <see cref="Browser"/> or CreateClient talks to, for helpers that get only the client.</summary>
    public static NervewiseApp Of(HttpClient client) =>
        Clients.TryGetValue(client, out var app) ? app
        : client.BaseAddress is { } address && Served.TryGetValue(address.GetLeftPart(UriPartial.Authority), out var served) ? served
        : throw new InvalidOperationException("This client was not made by a NervewiseApp, nor does it talk to one on loopback.");

    /// <summary>The app serving <paramref name="address"/> on loopback, for browser page objects that know only the page.</summary>
    public static NervewiseApp ServingAt(Uri address) =>
        Served.TryGetValue(address.GetLeftPart(UriPartial.Authority), out var app)
            ? app
            : throw new InvalidOperationException($"No NervewiseApp serves {address}.");

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Clients.AddOrUpdate(client, this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Email:PickupFolder", Mailbox.Folder);
        if (LogRequests)
        {
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Antiforgery", "Information");
        }
        // Test classes register many people from one address; the limits' own tests set small ones.
        builder.UseSetting("RateLimits:SignInAttempts", "10000");
        builder.UseSetting("RateLimits:Registrations", "10000");
        builder.UseSetting("RateLimits:InviteAttempts", "10000");
        builder.UseSetting("RateLimits:EmailRequests", "10000");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(settings);
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
            // Hundreds of tests register and sign in: a cheaper password hash keeps the suite quick. Every code path is
            // the same (the sign-in timing test compares hashes made with these settings too); the app keeps
            // Identity's default of 100,000 PBKDF2 rounds.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1_000);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_servedAt is not null)
        {
            Served.TryRemove(_servedAt, out _);
        }
        await base.DisposeAsync();
        if (Directory.Exists(Mailbox.Folder))
        {
            Directory.Delete(Mailbox.Folder, recursive: true);
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Serves the app on a free loopback port for a real browser, and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _servedAt = address.GetLeftPart(UriPartial.Authority);
        Served[_servedAt] = this;
        return address;
    }
}
