using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Home;

/// <summary>The intervals and first-week rules of the home page, from home-rules.json, each with its reason and source.</summary>
public sealed record HomeRules(HomeRules.Rule ReassessmentDays, HomeRules.Rule CheckinDays, HomeRules.Rule TrendDays, HomeRules.FirstWeekRules FirstWeek)
{
    public sealed record Rule(decimal Value, string Why, string Source)
    {
        public int Whole => (int)Value;
    }

    public sealed record ListRule(IReadOnlyList<string> Value, string Why, string Source);

    public sealed record FirstWeekRules(ListRule HoldPlanAt, ListRule SettleOnlyAt, ListRule UnsettledSigns, ListRule WorseTrend);

    private static readonly Lazy<HomeRules> Loaded = new(() => EmbeddedData.ReadJson<HomeRules>("home-rules.json"));

    public static HomeRules Current => Loaded.Value;
}
