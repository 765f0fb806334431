namespace Nervewise.Web.Infrastructure;

/// <summary>
/// Whether the app itself serves HTTPS. Only then are plain-HTTP requests redirected: a trial on http://127.0.0.1,
/// or an app behind a proxy that ends TLS, has no HTTPS port to send anyone to.
/// </summary>
internal static class Https
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["https_port"])
        || !string.IsNullOrWhiteSpace(configuration["HTTPS_PORTS"])
        || (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => (endpoint["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
