using Nervewise.Domain.Triggers;

namespace Nervewise.Domain.Tests.Triggers;

public class TriggerRulesTests
{
    private static readonly TriggerRules Rules = TriggerRules.Current;

    [Fact]
    public void The_windows_cover_0_to_48_hours_without_gaps()
    {
        var windows = Rules.Windows.List;

        Assert.Equal(0, windows[0].StartHours);
        Assert.Equal(48, windows[^1].EndHours);
        Assert.All(windows.Zip(windows.Skip(1)), p => Assert.Equal(p.First.EndHours, p.Second.StartHours));
    }

    [Fact]
    public void Significance_is_the_contracts_q_of_at_most_0_05()
    {
        Assert.Equal(0.05, Rules.FalseDiscovery.Level);
        Assert.Equal("benjamini-hochberg", Rules.FalseDiscovery.Method);
    }

    [Fact]
    public void A_broken_rules_file_is_refused()
    {
        var gap = Rules with { Windows = new([.. Rules.Windows.List.Where(w => w.StartHours != 6)]) };
        var unknownMethod = Rules with { FalseDiscovery = Rules.FalseDiscovery with { Method = "bonferroni" } };
        var closedWording = Rules with { Wording = Rules.Wording with { Certainty = [new(0.05, "sure")] } };

        Assert.Throws<InvalidOperationException>(() => gap.Checked());
        Assert.Throws<InvalidOperationException>(() => unknownMethod.Checked());
        Assert.Throws<InvalidOperationException>(() => closedWording.Checked());
    }

    [Fact]
    public void Every_exposure_type_has_dose_levels_with_a_reason_in_the_file()
    {
        var json = System.Text.Json.JsonDocument.Parse(typeof(TriggerRules).Assembly.GetManifestResourceStream("trigger-rules.json")!);
        foreach (var section in new[] { "windows", "referents", "flares", "doses", "falseDiscovery", "power", "together", "wording" })
        {
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty(section).GetProperty("why").GetString()), section);
        }
        Assert.NotEmpty(Rules.Doses.Activity);
        Assert.NotEmpty(Rules.Doses.Exercise);
        Assert.NotEmpty(Rules.Doses.Checkin);
        Assert.NotEmpty(Rules.Doses.Sleep);
    }
}
