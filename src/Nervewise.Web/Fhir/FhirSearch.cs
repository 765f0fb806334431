using System.Globalization;
using Hl7.Fhir.Model;

namespace Nervewise.Web.Fhir;

/// <summary>
/// The search parameters each type supports, read from the query string. Commas mean "or", a repeated parameter
/// means "and". Anything else is refused by name, so a client never mistakes an ignored filter for an empty result.
/// </summary>
public sealed class FhirSearch
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;

    /// <summary>The parameters every search takes (besides each type's own).</summary>
    public static readonly string[] Common = ["_id", "_count", "_format", FhirPaging.PageParameter];

    /// <summary>Each served type's own search parameters, with their FHIR type, for the CapabilityStatement too.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, SearchParamType Type, string Says)[]> Parameters =
        new Dictionary<string, (string, SearchParamType, string)[]>(StringComparer.Ordinal)
        {
            ["Patient"] = [],
            ["Observation"] =
            [
                ("patient", SearchParamType.Reference, "The person the observation is about"),
                ("subject", SearchParamType.Reference, "The person the observation is about (Patient/id)"),
                ("code", SearchParamType.Token, "What was observed: system|code, code or system|"),
                ("category", SearchParamType.Token, "The observation's category: system|code or code"),
                ("date", SearchParamType.Date, "When it was observed, with the prefixes eq, ge, le, gt, lt"),
            ],
            ["QuestionnaireResponse"] = PatientOnly(),
            ["CarePlan"] = PatientOnly(),
            ["Flag"] = PatientOnly(),
            ["Questionnaire"] = [("url", SearchParamType.Uri, "The questionnaire's canonical URL")],
            ["CodeSystem"] = [("url", SearchParamType.Uri, "The code system's canonical URL")],
        };

    private static (string, SearchParamType, string)[] PatientOnly() =>
    [
        ("patient", SearchParamType.Reference, "The person it is about"),
        ("subject", SearchParamType.Reference, "The person it is about (Patient/id)"),
    ];

    /// <summary>The Patient ids asked for (null: anyone the caller may read).</summary>
    public HashSet<string>? Patients { get; private set; }

    public int Count { get; private set; } = DefaultCount;

    public int Offset { get; private set; }

    private readonly List<Func<Resource, bool>> _filters = [];

    public bool Matches(Resource resource) => _filters.TrueForAll(filter => filter(resource));

    /// <summary>Reads the query; on bad input an OperationOutcome naming the parameter, and no search.</summary>
    public static (FhirSearch? Search, IResult? Error) Parse(string type, IQueryCollection query, Uri fhirBase)
    {
        var search = new FhirSearch();
        var own = Parameters[type].Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (!own.Contains(name) && !Common.Contains(name))
            {
                return (null, FhirOutcome.BadParameter(name, $"{type} does not support this parameter."));
            }
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return (null, FhirOutcome.BadParameter(name, "it needs a value."));
                }
                if (search.Add(type, name, value!, fhirBase) is { } error)
                {
                    return (null, FhirOutcome.BadParameter(name, error));
                }
            }
        }
        return (search, null);
    }

    private string? Add(string type, string name, string value, Uri fhirBase)
    {
        var list = value.Split(',');
        switch (name)
        {
            case "_count":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    return "it must be a whole number from 0 to 500.";
                }
                Count = Math.Min(count, MaxCount);
                return null;
            case FhirPaging.PageParameter:
                if (FhirPaging.ReadOffset(value) is not { } offset)
                {
                    return "this page link is not one this server made; start the search again.";
                }
                Offset = offset;
                return null;
            case "_format":
                return null; // Checked before the search (FhirFormat).
            case "_id":
                _filters.Add(r => list.Contains(r.Id, StringComparer.Ordinal));
                return null;
            case "patient" or "subject":
                return AddPatients(list, fhirBase, name == "subject");
            case "url":
                _filters.Add(r => r is IVersionableConformanceResource c && list.Any(u => SameCanonical(c.Url, u)));
                return null;
            case "code":
                _filters.Add(r => r is Observation o && list.Any(t => FhirToken.Matches(t, o.Code)));
                return null;
            case "category":
                _filters.Add(r => r is Observation o && list.Any(t => o.Category.Any(c => FhirToken.Matches(t, c))));
                return null;
            case "date":
                return AddDate(list);
            default:
                return $"{type} does not support this parameter.";
        }
    }

    private string? AddPatients(string[] list, Uri fhirBase, bool subject)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var reference = item.StartsWith(fhirBase.AbsoluteUri, StringComparison.Ordinal) ? item[fhirBase.AbsoluteUri.Length..] : item;
            if (reference.StartsWith("Patient/", StringComparison.Ordinal))
            {
                reference = reference["Patient/".Length..];
            }
            else if (subject || reference.Contains('/', StringComparison.Ordinal))
            {
                return $"'{item}' is not a Patient reference (Patient/id).";
            }
            ids.Add(reference);
        }
        Patients = Patients is null ? ids : [.. Patients.Intersect(ids)];
        return null;
    }

    private string? AddDate(string[] list)
    {
        var tests = new List<(string Prefix, FhirDates.Range Range)>();
        foreach (var item in list)
        {
            var prefix = item.Length > 2 && char.IsAsciiLetterLower(item[0]) ? item[..2] : "eq";
            var text = item.Length > 2 && char.IsAsciiLetterLower(item[0]) ? item[2..] : item;
            if (!FhirDates.Prefixes.Contains(prefix))
            {
                return $"the prefix '{prefix}' is not supported; use eq, ge, le, gt or lt.";
            }
            if (FhirDates.Parse(text) is not { } range)
            {
                return $"'{text}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz).";
            }
            tests.Add((prefix, range));
        }
        _filters.Add(r => r is Observation o && Effective(o) is { } target && tests.Any(t => FhirDates.Matches(t.Prefix, target, t.Range)));
        return null;
    }

    /// <summary>When an observation happened, as a range (a period from its start to its end, or to its start if open).</summary>
    private static FhirDates.Range? Effective(Observation observation) => observation.Effective switch
    {
        FhirDateTime at when at.Value is { } value => FhirDates.Parse(value),
        Instant at when at.Value is { } value => new FhirDates.Range(value, value.AddSeconds(1)),
        Period period when FhirDates.Parse(period.Start ?? "") is { } start =>
            new FhirDates.Range(start.Start, FhirDates.Parse(period.End ?? "")?.End ?? start.End),
        _ => null,
    };

    private static bool SameCanonical(string? url, string asked) =>
        url is not null && (url == asked || url == asked.Split('|')[0]);
}
