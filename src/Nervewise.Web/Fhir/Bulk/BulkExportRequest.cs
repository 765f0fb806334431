using System.Globalization;
using Nervewise.Domain.Clinic;
using Nervewise.Web.Clinic;

namespace Nervewise.Web.Fhir.Bulk;

/// <summary>
/// The kick-off's parameters, checked once at the boundary: <c>_type</c>, <c>_since</c>, <c>_outputFormat</c>
/// (NDJSON only) and <c>show</c>, the caseload's person filter. Anything else is refused by name, as the Bulk Data spec
/// asks of a server that does not support a parameter.
/// </summary>
internal sealed record BulkExportRequest(IReadOnlyList<string>? Types, DateTimeOffset? Since, CaseloadFilter Filter)
{
    /// <summary>The resource types a person's record is made of: the same the FHIR server reads and searches.</summary>
    public static readonly IReadOnlySet<string> Supported = new SortedSet<string>(FhirEndpoints.RecordTypes, StringComparer.Ordinal);

    private static readonly string[] NdjsonForms = ["application/fhir+ndjson", "application/ndjson", "ndjson"];

    private static readonly string[] Known = ["_type", "_since", "_outputFormat", "show"];

    /// <summary>The request, or the name of the parameter at fault and why.</summary>
    public static (BulkExportRequest? Request, string? Error) Parse(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                return (null, $"{name}: this server does not support the parameter \"{name}\" for $export. It supports {string.Join(", ", Known)}.");
            }
            if (name != "_type" && values.Count > 1)
            {
                return (null, $"{name}: give it once.");
            }
        }

        List<string>? types = null;
        if (query.TryGetValue("_type", out var typeValues))
        {
            types = [.. typeValues.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
            if (types.FirstOrDefault(t => !Supported.Contains(t)) is { } unknown)
            {
                return (null, unknown.Length == 0
                    ? "_type: a type is empty. Give resource types separated by commas, such as Patient,Observation."
                    : $"_type: \"{unknown}\" is not a resource type this export has. It has {string.Join(", ", Supported)}.");
            }
        }

        DateTimeOffset? since = null;
        if (Single(query, "_since") is { } sinceText)
        {
            if (!TryInstant(sinceText, out var parsed))
            {
                return (null, $"_since: \"{sinceText}\" is not a FHIR instant. Write it like 2026-11-20T08:00:00Z, with seconds and a time zone.");
            }
            since = parsed;
        }

        if (Single(query, "_outputFormat") is { } format && !NdjsonForms.Contains(Plus(format), StringComparer.OrdinalIgnoreCase))
        {
            return (null, $"_outputFormat: \"{format}\" is not supported. This server writes {NdjsonForms[0]} only.");
        }

        var show = Single(query, "show");
        if (CaseloadWords.Filter(show) is not { } filter)
        {
            return (null, $"show: there is no caseload filter called \"{show}\". Use one of {string.Join(", ", CaseloadWords.AllFilters.Select(CaseloadWords.Slug))}.");
        }
        return (new BulkExportRequest(types, since, filter), null);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values is [{ } value] ? value : null;

    // An unencoded "+" in a query string arrives as a space; read it as the "+" that was meant.
    private static string Plus(string value) => value.Trim().Replace(' ', '+');

    private static bool TryInstant(string text, out DateTimeOffset instant)
    {
        text = Plus(text);
        // An instant has seconds and a zone; a date alone or a local time is ambiguous.
        var hasZone = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"],
                   CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
               && hasZone;
    }

    public static string? Join(IReadOnlyList<string>? types) => types is null ? null : string.Join(',', types);

    public static IReadOnlyList<string>? Split(string? stored) => stored?.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
