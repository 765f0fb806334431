using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// Every diary row as an Observation: a standard code (LOINC, SNOMED CT) where one says the same thing, always with
/// our own code beside or instead of it, the time to the second, and a period when the row has a duration.
/// </summary>
internal sealed class FhirDiary(Uri fhirBase, ResourceReference subject)
{
    private const string CategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static readonly CodeableConcept Survey = new(CategorySystem, "survey", "Survey");
    private static readonly CodeableConcept Activity = new(CategorySystem, "activity", "Activity");

    public Observation ToObservation(DiaryEntry entry)
    {
        var codes = FhirCodes.Current;
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Subject = subject,
            Effective = entry.DurationMinutes is null
                ? FhirExport.Seconds(entry.Time)
                : new Period { StartElement = FhirExport.Seconds(entry.Time), EndElement = FhirExport.Seconds(entry.End) },
            Category = [Survey],
        };
        if (entry.Note.Length > 0)
        {
            observation.Note.Add(new Annotation { Text = new Markdown(entry.Note) });
        }
        switch (entry.Type)
        {
            case EntryType.Pain:
                observation.Code = Concept("Pain intensity", new Coding(codes.PainSeverity.System, codes.PainSeverity.Code, codes.PainSeverity.Display));
                observation.Value = Score(entry.Value);
                observation.BodySite = BodySite(entry.Item);
                break;
            case EntryType.Flare:
                observation.Code = Concept("Flare-up", Ours("flare-up"));
                observation.Value = Score(entry.Value);
                observation.BodySite = BodySite(entry.Item);
                break;
            case EntryType.Symptom when AssessmentRules.Current.RedFlags.Find(entry.Item) is { } redFlag:
                // The warning signs the Flag stands on, each where and when it was logged.
                observation.Code = Concept($"Warning sign: {redFlag.Says}", Ours($"red-flag-{entry.Item}"));
                observation.Value = new FhirBoolean(entry.Value > 0);
                break;
            case EntryType.Symptom:
                var symptom = codes.Symptoms.FirstOrDefault(s => s.Item == entry.Item);
                observation.Code = Concept(Capital(DiaryVocabulary.Words(entry.Item)),
                    symptom?.Snomed is { } snomed ? new Coding(FhirCodes.Snomed, snomed, symptom.Display) : null,
                    Ours($"symptom-{entry.Item}"));
                observation.Value = Score(entry.Value);
                break;
            case EntryType.Sleep:
                observation.Code = Concept("Hours slept", new Coding(codes.SleepDuration.System, codes.SleepDuration.Code, codes.SleepDuration.Display));
                observation.Value = new Quantity { Value = entry.Value, Unit = "h", System = FhirCodes.Ucum, Code = "h" };
                observation.Category = [Activity];
                break;
            case EntryType.Activity:
                observation.Code = Concept($"Activity: {DiaryVocabulary.Words(entry.Item)}", Ours("activity"));
                observation.Value = Minutes(entry.DurationMinutes);
                observation.Category = [Activity];
                if (entry.Value is { } effort)
                {
                    observation.Component.Add(new Observation.ComponentComponent { Code = Concept("Effort", Ours("activity-effort")), Value = Score(effort) });
                }
                break;
            case EntryType.Exercise:
                observation.Code = Concept($"Exercise: {DiaryVocabulary.Words(entry.Item)}", Ours("exercise-session"),
                    FhirCodeSystem.Has($"exercise-{entry.Item}") ? Ours($"exercise-{entry.Item}") : null);
                observation.Category = [Activity];
                observation.Component.Add(new Observation.ComponentComponent
                {
                    Code = Concept("Exercise duration", new Coding(codes.ExerciseDuration.System, codes.ExerciseDuration.Code, codes.ExerciseDuration.Display)),
                    Value = Minutes(entry.DurationMinutes),
                });
                observation.Component.Add(new Observation.ComponentComponent
                {
                    Code = Concept("Highest pain during the exercise", Ours("exercise-peak-pain")),
                    Value = Score(entry.Value),
                });
                break;
            case EntryType.Relief:
                observation.Code = Concept($"Relief: {DiaryVocabulary.Words(entry.Item)}", Ours($"relief-{entry.Item}"));
                observation.Value = Score(entry.Value);
                break;
            case EntryType.Checkin:
                observation.Code = Concept($"Check-in: {DiaryVocabulary.Words(entry.Item)}", Ours($"checkin-{entry.Item}"));
                observation.Value = Score(entry.Value);
                break;
            case EntryType.Checked:
                // Exported rather than left out: without it a receiver sees old warning signs and no Flag, and cannot
                // tell a cleared sign from a missed one. The note says who recorded the check and what it cleared.
                observation.Code = Concept("Warning signs checked", Ours("red-flags-checked"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.Type, "A diary type the FHIR export does not map yet.");
        }
        return observation;
    }

    private Coding Ours(string code) => FhirCodeSystem.Coding(fhirBase, code);

    private static CodeableConcept Concept(string text, params Coding?[] codings) =>
        new() { Coding = [.. codings.OfType<Coding>()], Text = text };

    /// <summary>A whole score as an integer; a half point (7.5) as a quantity, since an integer cannot hold it.</summary>
    private static DataType? Score(decimal? value) => value switch
    {
        null => null,
        var v when v == decimal.Truncate(v.Value) => new Integer((int)v.Value),
        _ => new Quantity { Value = value, Unit = "score", System = FhirCodes.Ucum, Code = "{score}" },
    };

    private static Quantity? Minutes(int? minutes) =>
        minutes is { } m ? new Quantity { Value = m, Unit = "min", System = FhirCodes.Ucum, Code = "min" } : null;

    private CodeableConcept? BodySite(string region)
    {
        var site = FhirCodes.Current.BodySites.FirstOrDefault(s => s.Region == region);
        if (site is null)
        {
            return null;
        }
        return Concept(site.Text, site.Snomed is { } snomed ? new Coding(FhirCodes.Snomed, snomed, site.Display) : null, Ours($"region-{site.Region}"));
    }

    private static string Capital(string words) => char.ToUpperInvariant(words[0]) + words[1..];
}
