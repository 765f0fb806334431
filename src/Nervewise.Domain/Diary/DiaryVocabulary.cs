using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Diary;

/// <summary>The entry types of shared/spec/diary-csv.md. Never rename; add new ones at the end.</summary>
public enum EntryType
{
    Pain,
    Symptom,
    Activity,
    Exercise,
    Flare,
    Sleep,
    Checkin,
    Relief,
    /// <summary>A doctor or physiotherapist has checked the warning signs logged up to this time.</summary>
    Checked,
}

/// <summary>The fixed words of the diary contract: body regions, symptoms, check-in areas, reliefs.</summary>
public static class DiaryVocabulary
{
    /// <summary>Body regions from the back up to the foot: the order is how far down the leg the pain reaches.</summary>
    public static readonly IReadOnlyList<string> Regions =
        ["low-back", "buttock", "sit-bone", "posterior-thigh", "back-of-knee", "calf", "shin", "foot"];

    /// <summary>
    /// Each region's name as every page, the body map, the report and the PDF say it: one set of words, so the button
    /// and the confirmation never disagree ("Back of thigh", not "posterior thigh").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RegionLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["low-back"] = "Low back",
        ["buttock"] = "Buttock",
        ["sit-bone"] = "Sit bone",
        ["posterior-thigh"] = "Back of thigh",
        ["back-of-knee"] = "Back of knee",
        ["calf"] = "Calf",
        ["shin"] = "Shin",
        ["foot"] = "Foot",
    };

    /// <summary>A region's name with a capital: "Back of thigh".</summary>
    public static string RegionLabel(string region) =>
        RegionLabels.TryGetValue(region, out var label) ? label : throw new ArgumentOutOfRangeException(nameof(region), region, "Not a body region.");

    public static readonly IReadOnlyList<string> Symptoms = ["pins-and-needles", "numbness", "weakness", "burning", "heaviness"];

    /// <summary>
    /// Red-flag items of the assessment that may be logged as symptoms, read from assessment-rules.json so the two
    /// never drift apart. Weakness is a red flag too but is also an everyday nerve symptom, so it is listed there.
    /// </summary>
    public static readonly IReadOnlyList<string> RedFlagSymptoms =
        [.. AssessmentRules.Current.RedFlags.Items.Select(r => r.Item).Where(i => !Symptoms.Contains(i))];

    /// <summary>The one item of a <c>checked</c> row: the warning signs logged up to its time have been checked.</summary>
    public const string CheckedRedFlags = "red-flags";

    public static readonly IReadOnlyList<string> CheckinAreas =
        ["stress", "illness", "routine", "worry", "sleep", "movement", "self-care", "recovery", "belonging", "enjoyment"];

    public static readonly IReadOnlyList<string> Reliefs = ["position-change", "movement", "heat", "medication", "rest"];

    /// <summary>Suggestions for the activity picker; any slug is allowed.</summary>
    public static readonly IReadOnlyList<string> CommonActivities =
        ["sitting", "driving", "lying", "walking", "running", "sprinting", "stretching", "splits", "training", "lifting", "desk-work"];

    /// <summary>
    /// Suggestions for the exercise picker; any slug is allowed. Each is an exercise of Rehab/rehab-plan.json: the nerve
    /// pathway's first (the contract's naming rule gives their stage), then the strain and tendon pathways' (cli.md).
    /// </summary>
    public static readonly IReadOnlyList<string> CommonExercises =
        ["general-movement", "slump-slider", "slr-slider", "slump-tensioner", "slr-tensioner", "splits-progression",
         "easing-positions", "long-sit-progression", "stride-progression", "forward-bend-progression", "full-training",
         "hamstring-isometric", "agility-trunk", "bridge", "hamstring-curl", "nordic-curl", "l-extender", "l-diver", "l-glider",
         "return-to-running", "return-to-sport",
         "tendon-isometric", "tendon-curl", "romanian-deadlift", "hops", "tendon-running", "tendon-return-to-sport"];

    public static string Name(EntryType type) => type.ToString().ToLowerInvariant();

    /// <summary>Reads a type exactly as the contract spells it (lowercase); anything else is refused.</summary>
    public static bool TryParse(string? name, out EntryType type)
    {
        foreach (var candidate in Enum.GetValues<EntryType>())
        {
            if (name == Name(candidate))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>How far down the leg a region lies: 0 at the low back, 5 at the foot. Lower is better news.</summary>
    public static int Reach(string region) => region switch
    {
        "low-back" => 0,
        "buttock" or "sit-bone" => 1,
        "posterior-thigh" => 2,
        "back-of-knee" => 3,
        "calf" or "shin" => 4,
        "foot" => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Not a body region."),
    };

    /// <summary>Plain words for a slug: "back-of-knee" → "back of knee"; a body region in its label's words ("back of thigh").</summary>
    public static string Words(string slug) =>
        RegionLabels.TryGetValue(slug, out var label) ? char.ToLowerInvariant(label[0]) + label[1..] : slug.Replace('-', ' ');
}
