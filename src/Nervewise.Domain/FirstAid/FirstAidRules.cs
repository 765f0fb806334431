using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.FirstAid;

/// <summary>
/// The numbers of the flare-up guide, from first-aid-rules.json: how long the warmth timer runs, and how many hours
/// after a fresh strain or knock heat is left out.
/// </summary>
public sealed record FirstAidRules(FirstAidRules.Rule WarmthMinutes, FirstAidRules.Rule FreshStrainHours)
{
    public sealed record Rule(int Value, string Why, string Source);

    private static readonly Lazy<FirstAidRules> Loaded = new(() => EmbeddedData.ReadJson<FirstAidRules>("first-aid-rules.json"));

    public static FirstAidRules Current => Loaded.Value;
}
