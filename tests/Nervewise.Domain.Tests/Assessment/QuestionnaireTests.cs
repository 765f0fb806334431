using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

public class QuestionnaireTests
{
    // Every linkId of shared/spec/assessment.md: the contract says never rename or drop one.
    private static readonly string[] ContractItems =
    [
        "pins-and-needles", "numbness", "weakness", "pain-below-knee", "burning-shooting", "deep-ache", "delayed-unpredictable",
        "worse-at-night", "heavy-leg", "no-clear-cause", "sitting-bending-worst", "sustained-aggravates", "worse-when-run-down",
        "distressed-by-pain", "back-pain", "buttock-pain", "sudden-onset-in-activity", "bruising", "pain-on-contraction",
        "local-tender-spot", "local-pain-on-stretch", "sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change",
        "warms-up-with-activity", "bladder-bowel-change", "saddle-numbness", "sexual-function-change", "both-legs",
        "progressive-weakness", "major-trauma", "fever-or-unwell", "unexplained-weight-loss", "cancer-history",
        "constant-night-pain", "weeks-since-onset", "trend", "weeks-of-rehab-without-improvement",
        // Added 2026-11-28.
        "pain-loaded-hip-bend", "foot-drop", "calf-swelling", "fragile-bones-minor-fall", "suspected-tendon-tear",
        "injected-drugs", "lowered-immunity",
    ];

    [Fact]
    public void The_questionnaire_has_every_contract_item_with_its_type()
    {
        var items = AssessmentQuestionnaire.Current.Items;

        Assert.Equal(ContractItems.Order(), items.Keys.Order());
        Assert.Equal(ItemType.Integer, items["weeks-since-onset"].Type);
        Assert.Equal(ItemType.Integer, items["weeks-of-rehab-without-improvement"].Type);
        Assert.Equal(["better", "same", "worse"], items["trend"].Options.Select(o => o.Code));
        Assert.All(items.Values.Where(i => i.Type == ItemType.Boolean), i => Assert.Empty(i.Options));
    }

    [Fact]
    public void Red_flag_questions_come_first()
    {
        var first = AssessmentQuestionnaire.Current.Screens[0].Items.Select(i => i.LinkId);

        Assert.Contains("bladder-bowel-change", first);
        Assert.Contains("saddle-numbness", first);
    }

    [Fact]
    public void Every_red_flag_is_asked_before_any_other_question()
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var redFlags = AssessmentRules.Current.RedFlags;
        var order = questionnaire.Screens.SelectMany(s => s.Items).Select(i => i.LinkId).ToList();

        var lastRedFlag = order.FindLastIndex(redFlags.Contains);
        var firstOther = order.FindIndex(i => !redFlags.Contains(i));

        Assert.True(lastRedFlag < firstOther, $"'{order[firstOther]}' is asked before the red flag '{order[lastRedFlag]}'.");
        Assert.All(redFlags.Items, r => Assert.Equal(ItemType.Boolean, questionnaire.Items[r.Item].Type));
    }

    [Fact]
    public void Follow_up_questions_only_appear_after_a_yes_on_an_earlier_screen()
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var screenOf = questionnaire.Screens.SelectMany((s, n) => s.Items.Select(i => (i.LinkId, n))).ToDictionary();
        var followUps = questionnaire.Items.Values.Where(i => i.EnableWhen is not null).ToList();

        // Pressure on the sit bone is asked of everyone since 2026-11-28: it is how sitting counts for the tendon.
        Assert.Equal(["progressive-weakness", "bruising"], followUps.Select(i => i.LinkId));
        Assert.Null(questionnaire.Items["pain-sitting-on-sit-bone"].EnableWhen);
        Assert.All(followUps, i => Assert.True(screenOf[i.EnableWhen!.Question] < screenOf[i.LinkId], i.LinkId));
    }

    [Fact]
    public void The_rules_weigh_only_items_that_exist_and_cite_a_source()
    {
        var rules = AssessmentRules.Current;

        Assert.All(rules.Sources.Values.SelectMany(s => s.Features), f =>
        {
            Assert.True(AssessmentQuestionnaire.Current.Items.ContainsKey(f.Item), f.Item);
            Assert.NotEmpty(f.Sources);
            Assert.False(string.IsNullOrWhiteSpace(f.Why), f.Item);
        });
    }

    [Fact]
    public void Every_item_has_a_short_plain_phrase_for_because_you_said()
    {
        var scored = AssessmentRules.Current.Sources.Values.SelectMany(s => s.Features).Select(f => f.Item)
            .Concat(AssessmentRules.Current.RedFlags.Items.Select(r => r.Item));

        Assert.All(scored, item => Assert.NotEqual(item, AssessmentWording.Said(item)));
    }
}
