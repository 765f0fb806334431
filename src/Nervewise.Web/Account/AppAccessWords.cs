namespace Nervewise.Web.Account;

/// <summary>
/// What an app's granted scopes let it read, in plain words for the account page. SMART scopes look like
/// <c>patient/Observation.rs</c> (v2) or <c>user/*.read</c> (v1); the API only reads, so the permission letters add nothing.
/// </summary>
public static class AppAccessWords
{
    private static readonly Dictionary<string, (string Own, string Others)> Types = new(StringComparer.Ordinal)
    {
        ["Patient"] = ("Your details: name, birth date and email", "Names, birth dates and emails"),
        ["Observation"] = ("Your diary: pain, flare-ups, symptoms, sleep, activity, exercises and check-ins", "Diaries"),
        ["QuestionnaireResponse"] = ("Your assessment answers", "Assessment answers"),
        ["CarePlan"] = ("Your exercise plan", "Exercise plans"),
        ["Flag"] = ("Warning signs noted in your record", "Warning signs noted in records"),
    };

    public static IReadOnlyList<string> For(IEnumerable<string> scopes, bool clinician)
    {
        var words = new List<string>();
        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        foreach (var scope in granted.Order(StringComparer.Ordinal))
        {
            if (Resource(scope) is not { } read)
            {
                continue;
            }
            words.Add(Words(read.Context, read.Type, clinician));
        }
        if (granted.Contains("openid") || granted.Contains("fhirUser"))
        {
            // The same words as the consent page (ConsentWords).
            words.Add("Who you are (which Nervewise account signed in)");
        }
        if (granted.Contains("offline_access"))
        {
            words.Add("It keeps this access when you are not using it, until you stop it here");
        }
        if (words.Count == 0)
        {
            words.Add("Nothing from your record");
        }
        return words.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Words(string context, string type, bool clinician)
    {
        // A clinician's user/* scopes reach everyone who shares with them; their patient/* ones, the one person chosen.
        if (clinician && context == "user")
        {
            return type == "*"
                ? "The records of the people who share with you"
                : $"{(Types.TryGetValue(type, out var known) ? known.Others : type + " entries")} of the people who share with you";
        }
        if (clinician)
        {
            return "The record of one person who shares with you, chosen when you allowed the app";
        }
        return type == "*"
            ? "Your whole record: your details, diary, assessments, plan and warning signs"
            : Types.TryGetValue(type, out var own) ? own.Own : $"{type} entries in your record";
    }

    /// <summary>"patient/Observation.rs" → ("patient", "Observation"); null for anything that is not a resource scope.</summary>
    private static (string Context, string Type)? Resource(string scope)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        var dot = scope.LastIndexOf('.');
        if (slash <= 0 || dot <= slash + 1)
        {
            return null;
        }
        var context = scope[..slash];
        return context is "patient" or "user" ? (context, scope[(slash + 1)..dot]) : null;
    }
}
