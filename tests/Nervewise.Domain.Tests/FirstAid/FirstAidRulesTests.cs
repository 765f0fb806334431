using Nervewise.Domain.FirstAid;

namespace Nervewise.Domain.Tests.FirstAid;

public sealed class FirstAidRulesTests
{
    [Fact]
    public void The_warmth_timer_is_a_reviewed_number_with_its_reason_and_source()
    {
        var warmth = FirstAidRules.Current.WarmthMinutes;
        Assert.InRange(warmth.Value, 5, 30);
        Assert.False(string.IsNullOrWhiteSpace(warmth.Why));
        Assert.Contains("Cochrane", warmth.Source, StringComparison.Ordinal);
    }
}
