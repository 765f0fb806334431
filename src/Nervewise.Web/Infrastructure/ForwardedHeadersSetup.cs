using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); none by
/// default. Anyone can send those headers, and the rate limits key on the address they give.
/// </summary>
internal static partial class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true: the host then adds the middleware itself and trusts every sender.
    private const string HostSwitch = "ForwardedHeaders_Enabled";

    public static IServiceCollection AddNervewiseForwardedHeaders(this IServiceCollection services)
    {
        // After the host's own setup, which clears the known lists when its switch is on; read when first used,
        // so a test host's settings apply too.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            var (proxies, networks) = Read(configuration);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
            // Empty lists would mean "trust everyone" to the middleware: with none configured, read no headers.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through every configured proxy, stopping at the first address that is not one.
            options.ForwardLimit = null;
        });
        return services;
    }

    public static IApplicationBuilder UseNervewiseForwardedHeaders(this WebApplication app)
    {
        var (proxies, networks) = Read(app.Configuration);
        var hostAddsIt = string.Equals(app.Configuration[HostSwitch], "true", StringComparison.OrdinalIgnoreCase);
        if (proxies.Count + networks.Count == 0)
        {
            if (hostAddsIt)
            {
                NoProxies(app.Logger);
            }
            return app;
        }
        return hostAddsIt ? app : app.UseForwardedHeaders();
    }

    private static (List<IPAddress> Proxies, List<IPNetwork> Networks) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Values(section.GetSection("KnownProxies"))
            .Select(value => IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies has '{value}', which is not an IP address."))
            .ToList();
        var networks = Values(section.GetSection("KnownNetworks"))
            .Select(value => IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks has '{value}', which is not a network such as 10.0.0.0/8."))
            .ToList();
        return (proxies, networks);
    }

    /// <summary>A list (JSON array, or __0, __1 in the environment) or one value with commas.</summary>
    private static IEnumerable<string> Values(IConfigurationSection list) =>
        (list.Value is { Length: > 0 } single ? [single] : list.GetChildren().Select(child => child.Value ?? ""))
        .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [LoggerMessage(Level = LogLevel.Warning, Message = "ASPNETCORE_FORWARDEDHEADERS_ENABLED is on, but no proxy is configured in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks: forwarded headers are ignored.")]
    private static partial void NoProxies(ILogger logger);
}
