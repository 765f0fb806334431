using Nervewise.Domain.Triggers;

namespace Nervewise.Domain.Tests.Triggers;

public class TriggerWordingTests
{
    private static readonly TriggerRules Rules = TriggerRules.Current;
    private static readonly TriggerRules.Window SixToTwelve = Rules.Windows.List.Single(w => w.StartHours == 6);

    [Theory]
    [InlineData(4.1, "about 4 times as likely")]
    [InlineData(2.6, "about 3 times as likely")]
    [InlineData(1.9, "about twice as likely")]
    [InlineData(1.5, "about one and a half times as likely")]
    [InlineData(1.1, "about as likely")]
    [InlineData(0.6, "not more likely")]
    public void Effects_are_rounded_to_plain_words(double effect, string words) =>
        Assert.Equal(words, TriggerWording.Effect(effect, Rules));

    [Theory]
    [InlineData(0.004, "quite sure")]
    [InlineData(0.03, "fairly sure")]
    [InlineData(0.05, "fairly sure")]
    [InlineData(0.12, "only a hint, it could still be chance")]
    [InlineData(0.6, "this could easily be chance")]
    public void Certainty_follows_the_adjusted_q(double q, string words) =>
        Assert.Equal(words, TriggerWording.Certainty(q, Rules));

    [Fact]
    public void A_summary_reads_as_the_contract_shows()
    {
        var longSitting = Rules.Doses.Activity.Single(d => d.Level == "long");

        var summary = TriggerWording.Summary(3.2, 0.03, SixToTwelve, TriggerWording.Exposure("sitting", longSitting), [], Rules);

        Assert.Equal("Flare-ups were about 3 times as likely 6 to 12 hours after long sitting (2 hours or more); fairly sure.", summary);
    }

    [Fact]
    public void Doses_of_every_kind_read_plainly()
    {
        Assert.Equal("a short night (under 6 hours of sleep)", TriggerWording.Exposure("night", Rules.Doses.Sleep[0]));
        Assert.Equal("a check-in rating stress 2 or more out of 4", TriggerWording.Exposure("stress", Rules.Doses.Checkin[0]));
        Assert.Equal("a long slr tensioner session (30 minutes or more)", TriggerWording.Exposure("slr-tensioner", Rules.Doses.Exercise[1]));
        Assert.Equal("desk work", TriggerWording.Exposure("desk-work", Rules.Doses.Activity[0]));
    }

    [Fact]
    public void No_summary_names_a_diagnosis_or_a_cause()
    {
        var words = Rules.Wording.Effects.Select(e => e.Words).Concat(Rules.Wording.Certainty.Select(c => c.Words));

        Assert.All(words, w => Assert.DoesNotContain("caus", w, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("not a diagnosis", TriggerWording.NotADiagnosis, StringComparison.Ordinal);
    }
}
