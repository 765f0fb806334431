namespace Nervewise.Web.Fhir;

/// <summary>The FHIR base URL (ending in <c>/fhir/</c>) that every served reference and link is built on.</summary>
public static class FhirBase
{
    /// <summary>
    /// <c>Fhir:PublicUrl</c> when configured (behind a proxy that rewrites paths), else the request's scheme and host
    /// (the forwarded headers are already applied).
    /// </summary>
    public static Uri Of(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetService<IConfiguration>()?["Fhir:PublicUrl"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}/fhir"
            : configured.Trim();
        return new Uri(root.TrimEnd('/') + "/", UriKind.Absolute);
    }
}
