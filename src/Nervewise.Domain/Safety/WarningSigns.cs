using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Safety;

/// <summary>A group of warning signs that call for the same action, for the lists pages and reports show.</summary>
public sealed record WarningSignGroup(Urgency Urgency, string Action, IReadOnlyList<string> Signs);

/// <summary>
/// Every list of warning signs in the product comes from here, and this reads assessment-rules.json, so the
/// lesson, the result page, flare-up help and the report cannot drift apart from the engine.
/// </summary>
public static class WarningSigns
{
    /// <summary>The plain words for one red-flag item.</summary>
    public static string Says(string item) =>
        AssessmentRules.Current.RedFlags.Find(item)?.Says ?? throw new ArgumentOutOfRangeException(nameof(item), item, "Not a red-flag item.");

    /// <summary>The signs grouped by what to do, most urgent first. A sign that escalates in company is listed again there.</summary>
    public static IReadOnlyList<WarningSignGroup> Groups()
    {
        var rules = AssessmentRules.Current.RedFlags.Items;
        return [.. Enum.GetValues<Urgency>().Where(u => u > Urgency.Routine).OrderDescending()
            .Select(u => new WarningSignGroup(u, AssessmentWording.For(u).Headline, [.. rules.Where(r => r.Level == u).Select(r => r.Says)
                .Concat(rules.Where(r => r.EscalatesTo is { } to && Names.ParseUrgency(to) == u).Select(r => $"{r.Says}, together with any other sign on this page"))]))
            .Where(g => g.Signs.Count > 0)];
    }

    /// <summary>The signs that first aid asks about before anything else: those of an emergency or same-day urgency.</summary>
    public static IReadOnlyList<AssessmentRules.RedFlagRule> FirstAidScreen() =>
        [.. AssessmentRules.Current.RedFlags.Items.Where(r => r.Level >= Urgency.Today || r.EscalatesTo is not null)];

    /// <summary>The signs as one Markdown list per action, for lessons and reports.</summary>
    public static string Markdown() => string.Join("\n\n", Groups().Select(g =>
        $"**{g.Action}** if you have:\n\n" + string.Join("\n", g.Signs.Select(s => $"- {s}"))));
}
