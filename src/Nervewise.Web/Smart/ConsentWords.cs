namespace Nervewise.Web.Smart;

/// <summary>What the consent page says an app will read, in plain words, from the scopes it is given.</summary>
public static class ConsentWords
{
    public sealed record Words(IReadOnlyList<string> Reads, IReadOnlyList<string> Notes);

    public static Words For(IReadOnlyList<string> scopes, bool clinician)
    {
        var reads = new List<string>();
        var resources = scopes.Where(SmartScopes.IsResourceScope).ToList();
        if (resources.Count > 0)
        {
            var types = resources.Select(s => s.Split('/')[1].Split('.')[0]).Distinct().ToList();
            var what = types.Contains("*")
                ? "your details (name, birth date and email), your pain diary, your assessments, your plan and any warning signs"
                : string.Join(", ", types.Select(Describe));
            var others = clinician && resources.Any(s => !SmartScopes.IsPatientScope(s));
            reads.Add(clinician
                ? (others
                    ? $"the records of the people who share with you ({what.Replace("your ", "their ", StringComparison.Ordinal)})"
                    : $"the record of the person you choose below ({what.Replace("your ", "their ", StringComparison.Ordinal)})")
                : Capital(what));
        }
        if (scopes.Contains(SmartScopes.OpenId) || scopes.Contains(SmartScopes.FhirUser))
        {
            // The ID token and userinfo carry only the account's id and its FHIR address; the details come with Patient.
            reads.Add("Who you are (which Nervewise account signed in)");
        }
        if (reads.Count == 0)
        {
            reads.Add("nothing from your record: it asked for nothing Nervewise offers");
        }
        var notes = new List<string>();
        if (scopes.Contains(SmartScopes.OfflineAccess))
        {
            notes.Add("It can keep reading while you are away, until you stop it.");
        }
        return new Words(reads, notes);
    }

    private static string Describe(string type) => type switch
    {
        "Patient" => "your details (name, birth date and email)",
        "Observation" => "your pain diary and check-ins",
        "QuestionnaireResponse" => "your assessments",
        "CarePlan" => "your plan",
        "Flag" => "any warning signs",
        _ => $"your {type} records",
    };

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
