using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// Our own codes, for what LOINC and SNOMED CT do not name: one CodeSystem, served publicly at
/// <c>{fhirBase}CodeSystem/nervewise</c> so a receiver can look every code up. Codes carry a prefix (region-, stage-,
/// exercise-...) because one word can mean two things ("full-training" is a stage and an exercise).
/// </summary>
public static class FhirCodeSystem
{
    public const string Id = "nervewise";

    /// <summary>Raise when a code's meaning changes; adding codes keeps it (the content stays complete).</summary>
    public const string Version = "1.0.0";

    public sealed record Concept(string Code, string Display, string Definition);

    private static readonly Lazy<Dictionary<string, Concept>> Loaded = new(Build);

    public static IReadOnlyCollection<Concept> Concepts => Loaded.Value.Values.ToList();

    /// <summary>The CodeSystem's canonical URL (also the <c>system</c> of every code in it).</summary>
    public static string Url(Uri fhirBase) => new Uri(fhirBase, $"CodeSystem/{Id}").ToString();

    public static CodeSystem For(Uri fhirBase)
    {
        var system = new CodeSystem
        {
            Id = Id,
            Url = Url(fhirBase),
            Version = Version,
            Name = "NervewiseCodes",
            Title = "Nervewise codes",
            Status = PublicationStatus.Active,
            Experimental = false,
            Publisher = "Nervewise",
            Description = new Markdown("The codes Nervewise uses where no LOINC or SNOMED CT code says the same thing: diary items, body regions, rehab stages, pathways and exercises, and the urgency of warning signs."),
            CaseSensitive = true,
            Content = CodeSystemContentMode.Complete,
            Count = Loaded.Value.Count,
        };
        system.Concept.AddRange(Loaded.Value.Values.Select(c => new CodeSystem.ConceptDefinitionComponent
        {
            Code = c.Code,
            Display = c.Display,
            Definition = c.Definition,
        }));
        return system;
    }

    /// <summary>A coding of one of our codes; a code not in the CodeSystem is a bug, so it throws.</summary>
    public static Coding Coding(Uri fhirBase, string code) =>
        Loaded.Value.TryGetValue(code, out var concept)
            ? new Coding(Url(fhirBase), concept.Code, concept.Display)
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a code of the Nervewise CodeSystem.");

    public static bool Has(string code) => Loaded.Value.ContainsKey(code);

    private static Dictionary<string, Concept> Build()
    {
        var rules = RehabRules.Current;
        List<Concept> all =
        [
            new("flare-up", "Flare-up", "A flare-up of nerve-related pain, with its peak pain from 0 to 10 and where it was felt."),
            .. DiaryVocabulary.Symptoms.Select(s => new Concept($"symptom-{s}", Capital(DiaryVocabulary.Words(s)),
                $"How strong {DiaryVocabulary.Words(s)} was, as the person rated it from 0 (none) to 10 (the worst)."))
                .Where(c => AssessmentRules.Current.RedFlags.Find(c.Code["symptom-".Length..]) is null),
            .. AssessmentRules.Current.RedFlags.Items.Select(r => new Concept($"red-flag-{r.Item}", $"Warning sign: {r.Says}",
                $"The person logged this warning sign: {r.Says}. Its urgency: {AssessmentWording.Short(r.Level)}.")),
            new("red-flags-checked", "Warning signs checked",
                "A doctor or physiotherapist has checked the warning signs logged up to this time."),
            .. DiaryVocabulary.CheckinAreas.Select(a => new Concept($"checkin-{a}", $"Check-in: {DiaryVocabulary.Words(a)}",
                $"Vulnerability check-in about {DiaryVocabulary.Words(a)}: 0 no concern to 4 a big concern.")),
            .. DiaryVocabulary.Reliefs.Select(r => new Concept($"relief-{r}", $"Relief: {DiaryVocabulary.Words(r)}",
                $"The change in pain after {DiaryVocabulary.Words(r)}, from -10 to 10 (negative is better).")),
            new("activity", "Activity", "An everyday activity (its name in the text), with how long it lasted."),
            new("activity-effort", "Effort", "How hard the activity felt, from 0 (no effort) to 10 (the most)."),
            new("exercise-session", "Exercise session", "A rehab exercise done (its name in the text), with how long it lasted and the highest pain during it."),
            new("exercise-peak-pain", "Highest pain during the exercise", "The highest pain during the exercise session, from 0 to 10."),
            .. DiaryVocabulary.Regions.Select(r => new Concept($"region-{r}", DiaryVocabulary.RegionLabel(r),
                $"The body region the person calls '{DiaryVocabulary.RegionLabel(r)}' on the body map.")),
            .. rules.Stages.DistinctBy(s => s.Id).Select(s => new Concept($"stage-{s.Id}", s.Name, $"Rehab stage: {s.Aim}")),
            .. rules.Pathways.Select(p => new Concept($"pathway-{p.Id}", p.Name, $"Rehab pathway for {p.Name.ToLowerInvariant()}.")),
            .. rules.Exercises.Select(e => new Concept($"exercise-{e.Id}", e.Name, e.Summary)),
            .. Enum.GetValues<Urgency>().Where(u => u > Urgency.Routine).Select(u => new Concept($"urgency-{Names.Of(u)}",
                AssessmentWording.For(u).Headline, $"{AssessmentWording.Short(u)}: {AssessmentWording.For(u).Instructions}")),
        ];
        return all.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    private static string Capital(string words) => char.ToUpperInvariant(words[0]) + words[1..];
}
