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

    [Fact]
    public void Heat_is_left_off_a_fresh_strain_for_a_reviewed_number_of_hours()
    {
        var hours = FirstAidRules.Current.FreshStrainHours;
        Assert.Equal(72, hours.Value);
        Assert.False(string.IsNullOrWhiteSpace(hours.Why));
        Assert.Contains("ACPSM", hours.Source, StringComparison.Ordinal);
    }
}
