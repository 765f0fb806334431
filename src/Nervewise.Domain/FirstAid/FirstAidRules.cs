using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.FirstAid;

/// <summary>The numbers of the flare-up guide, from first-aid-rules.json.</summary>
public sealed record FirstAidRules(FirstAidRules.Rule WarmthMinutes)
{
    public sealed record Rule(int Value, string Why, string Source);

    private static readonly Lazy<FirstAidRules> Loaded = new(() => EmbeddedData.ReadJson<FirstAidRules>("first-aid-rules.json"));

    public static FirstAidRules Current => Loaded.Value;
}
