using FsCheck;
using FsCheck.Fluent;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Xunit.Abstractions;
using static Nervewise.Domain.Tests.Rehab.DiaryBuilder;

namespace Nervewise.Domain.Tests.Rehab;

/// <summary>
/// No decision ever progresses while the safety state is `soon` or higher (issue 14, Done means), over generated diaries
/// of all three pathways: steady, flaring, creeping and run-down ones, with warning signs logged in the diary or
/// answered in the assessment, before or after a recorded check.
/// </summary>
public sealed class SafetyPropertyTests(ITestOutputHelper output)
{
    private static readonly RehabRules Rules = RehabRules.Current;

    /// <summary>Red-flag items a diary may log as a symptom (weakness included), each with the urgency it carries alone.</summary>
    private static readonly string[] DiaryFlags = [.. DiaryVocabulary.RedFlagSymptoms, "weakness"];

    private static readonly string[] AssessedFlags =
        [.. AssessmentRules.Current.RedFlags.Items.Select(r => r.Item)
            .Where(i => AssessmentQuestionnaire.Current.Items.TryGetValue(i, out var q) && q.Type == ItemType.Boolean)];

    private static readonly string[] Staged = [.. Rules.Exercises.Select(e => e.Id)];

    public sealed record Row(int Day, int Hour, EntryType Type, string Item, decimal? Value, int? Minutes)
    {
        public override string ToString() => $"{Day}d{Hour}h {Type} {Item} {Value}";
    }

    public sealed record Generated(Pathway Pathway, IReadOnlyList<Row> Rows, IReadOnlyList<string> Assessed, int AssessedDay, int Now)
    {
        public IReadOnlyList<DiaryEntry> Diary() =>
            [.. Rows.Select(r => DiaryEntry.Create(At(r.Day, r.Hour), r.Type, r.Item, r.Value, r.Minutes, null))];

        public AssessmentTaken? Assessment()
        {
            if (Assessed.Count == 0)
            {
                return null;
            }
            var builder = new AssessmentAnswers.Builder();
            foreach (var item in Assessed.Distinct())
            {
                builder.Boolean(item, true);
            }
            return new AssessmentTaken(builder.Build(), At(AssessedDay, 7));
        }

        public override string ToString() => $"{Pathway}, now day {Now}, assessed [{string.Join(", ", Assessed)}] on day {AssessedDay}: {string.Join("; ", Rows)}";
    }

    /// <summary>A month of one pathway: a stage's sessions at a steady or rising pain, mornings that hold or creep, flare-ups, check-ins, nights, red flags and checks.</summary>
    private static Gen<Generated> Cases { get; } =
        from pathway in Gen.Elements(RehabNames.Pathways.ToArray())
        from stage in Gen.Elements(RehabNames.StagesOf(pathway).Where(s => s != Stage.Settle).ToArray())
        from days in Gen.Choose(1, 35)
        from sessionPain in Gen.Choose(0, 6)
        from every in Gen.Choose(1, 3)
        from creep in Gen.Choose(0, 3)
        from flares in Gen.Choose(0, 4).SelectMany(n => Gen.Choose(0, 35).ArrayOf(n))
        from heavy in Gen.Choose(0, 5).SelectMany(n => Gen.Choose(0, 35).ArrayOf(n))
        from symptoms in Gen.Choose(0, 3).SelectMany(n => Gen.Zip(Gen.Choose(0, 35), Gen.Choose(0, 10)).ArrayOf(n))
        from flags in Gen.Choose(0, 3).SelectMany(n => Gen.Zip(Gen.Choose(-5, 35), Gen.Elements(DiaryFlags)).ArrayOf(n))
        from checks in Gen.Choose(0, 2).SelectMany(n => Gen.Choose(-5, 35).ArrayOf(n))
        from assessed in Gen.Frequency((2, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements(AssessedFlags).ArrayOf(1)),
            (1, Gen.Elements(AssessedFlags).ArrayOf(2)))
        from assessedDay in Gen.Choose(-10, 30)
        from now in Gen.Choose(0, 36)
        let exercise = Rules.Exercises.First(e => e.PathwayValue == pathway && e.StageValue == stage)
        select new Generated(pathway, [
            .. Enumerable.Range(-7, days + 8).Select(d => new Row(d, 8, EntryType.Pain, "posterior-thigh", Math.Min(10, 2 + (creep * Math.Max(0, d) / 7)), null)),
            .. Enumerable.Range(0, days).Where(d => d % every == 0).Select(d => new Row(d, 18, EntryType.Exercise, exercise.Id, sessionPain, exercise.Dose.Minutes)),
            .. flares.Select(d => new Row(d, 10, EntryType.Flare, "calf", 7, 60)),
            .. heavy.SelectMany(d => new[] { new Row(d, 20, EntryType.Checkin, "stress", 4, null), new Row(d, 7, EntryType.Sleep, "night", 4, null) }),
            .. symptoms.Select(s => new Row(s.Item1, 20, EntryType.Symptom, "numbness", s.Item2, null)),
            .. flags.Select(f => new Row(f.Item1, 9, EntryType.Symptom, f.Item2, 3, null)),
            .. checks.Select(d => new Row(d, 15, EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, null)),
        ], assessed, assessedDay, now);

    [Fact]
    public void No_decision_ever_progresses_while_the_safety_state_is_soon_or_higher()
    {
        var tried = 0;
        var flagged = 0;
        var progressed = 0;
        var property = Prop.ForAll(Cases.ToArbitrary(), (Generated c) =>
        {
            tried++;
            var diary = c.Diary();
            var now = At(c.Now, 12);
            var assessment = c.Assessment();
            // The web app passes the person's state (assessment and diary); the CLI leaves it to the engine (diary alone).
            var safety = SafetyState.Of(assessment, diary, now);
            var withState = PlanEngine.Decide(diary, PlanSettings.None, now, Rules, safety, assessment);
            var diaryOnly = PlanEngine.Decide(diary, PlanSettings.None, now, Rules);

            foreach (var (result, state) in new[] { (withState, safety), (diaryOnly, SafetyState.Of(null, diary, now)) })
            {
                if (result.Decision == Decision.Progress)
                {
                    progressed++;
                }
                if (state.Urgency >= Urgency.Soon)
                {
                    flagged++;
                    Assert.NotEqual(Decision.Progress, result.Decision);
                    Assert.Equal(Decision.SeekHelp, result.Decision);
                    Assert.Equal(result.Stage, result.NextStage);
                    Assert.Null(result.Moves);
                    Assert.Null(PlanDocument.From(result).NextStage);
                    Assert.False(result.DoseCut);
                }
                Assert.True(RehabNames.Belongs(result.Pathway, result.Stage), c.ToString());
                Assert.True(RehabNames.Belongs(result.Pathway, result.NextStage), c.ToString());
                Assert.InRange(Math.Abs(RehabNames.Rank(result.Pathway, result.NextStage) - RehabNames.Rank(result.Pathway, result.Stage)), 0, 1);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true), property);

        output.WriteLine($"{tried} diaries, {flagged} decisions under a warning sign, {progressed} progressed");
        // The generator must really produce both: diaries under a warning sign and diaries that step up.
        Assert.True(flagged > 50, $"only {flagged} decisions under a warning sign");
        Assert.True(progressed > 5, $"only {progressed} decisions progressed");
    }
}
