using Microsoft.Net.Http.Headers;

namespace Nervewise.Web.Fhir;

/// <summary>The server speaks FHIR JSON only: a <c>_format</c> or an Accept header that rules JSON out is refused.</summary>
public static class FhirFormat
{
    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json"];

    /// <summary>Why the request's format cannot be served, or null when JSON will do.</summary>
    public static string? Refusal(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var formats))
        {
            foreach (var format in formats)
            {
                var type = (format ?? "").Split(';')[0].Trim();
                if (!JsonFormats.Contains(type, StringComparer.OrdinalIgnoreCase))
                {
                    return $"_format '{format}' is not served: this server answers in FHIR JSON only (_format=json or application/fhir+json).";
                }
            }
            return null;
        }
        var accept = request.GetTypedHeaders().Accept;
        // A bulk export's files are NDJSON, the type the Bulk Data spec has clients ask for.
        var ndjsonFile = request.Path.StartsWithSegments("/fhir/bulk") && accept.Any(Ndjson);
        if (accept.Count == 0 || accept.Any(Json) || ndjsonFile)
        {
            return null;
        }
        return $"Accept '{request.Headers.Accept}' rules out JSON: this server answers in application/fhir+json only.";
    }

    private static bool Json(MediaTypeHeaderValue type) =>
        type.Quality is not 0 && (type.MatchesAllTypes || (type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (type.MatchesAllSubTypes || type.SubType.Equals("json", StringComparison.OrdinalIgnoreCase)
                || type.SubType.Equals("fhir+json", StringComparison.OrdinalIgnoreCase)
                || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))));

    private static bool Ndjson(MediaTypeHeaderValue type) =>
        type.Quality is not 0 && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (type.SubType.Equals("fhir+ndjson", StringComparison.OrdinalIgnoreCase) || type.SubType.Equals("ndjson", StringComparison.OrdinalIgnoreCase));
}
