using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Test classes register many people from one address; the limits' own tests set small ones.
        builder.UseSetting("RateLimits:SignInAttempts", "10000");
        builder.UseSetting("RateLimits:Registrations", "10000");
        builder.UseSetting("RateLimits:InviteAttempts", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton(settings));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Serves the app on a free loopback port for a real browser, and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
