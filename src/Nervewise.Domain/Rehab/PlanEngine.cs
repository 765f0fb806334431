using System.Globalization;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Domain.Rehab;

/// <summary>One condition for the next step, as the stage ladder shows it: "9 of 14 days".</summary>
public sealed record Requirement(string Name, string Progress, double Fraction, bool Met);

/// <summary>Where graded exposure stands, what comes next and why.</summary>
public sealed record PlanResult(
    Stage Stage,
    Decision Decision,
    Stage NextStage,
    PredictabilityScore Predictability,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Requirement> Unlocks,
    IReadOnlyList<SessionCheck> Sessions,
    SafetyState Safety,
    bool StageFromDiary,
    DateTimeOffset? StageSince,
    int AgreedPainLevel,
    DateTimeOffset AsOf)
{
    public Pathway Pathway { get; init; } = Pathway.Nerve;

    public PathwayStage Step => new(Pathway, Stage);

    /// <summary>Why the person is on this pathway, when it changed or differs from the nerve default; null otherwise.</summary>
    public string? PathwayNote { get; init; }

    /// <summary>The stage's exercises for this person, with their own positions, sport and precautions.</summary>
    public PersonalPlan Personal { get; init; } = new([], [], null, []);

    /// <summary>Sessions go above the agreed level but settle by the next morning: do less within the stage.</summary>
    public bool DoseCut { get; init; }

    /// <summary>Ideas from the check-in when a run-down week holds the plan.</summary>
    public IReadOnlyList<string> Ideas { get; init; } = [];

    /// <summary>The next stage as the contract gives it: null unless the decision moves (cli.md).</summary>
    public Stage? Moves => Decision is Decision.Progress or Decision.Regress ? NextStage : null;
}

/// <summary>
/// The decision of graded exposure, in this order: seek-help when a warning sign is in force; regress when sessions
/// keep breaking the next-morning or flare-up rule, nerve symptoms keep spreading after sessions, or morning pain has
/// clearly crept up since the stage began; hold (with a dose cut) when sessions go above the agreed level but settle;
/// progress after a sustained, predictable run that keeps the rules, unless a rising trend, a spreading symptom or a
/// run-down week holds it. Every number comes from rehab-plan.json; the clock is passed in.
/// </summary>
public static class PlanEngine
{
    public static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, PlanSettings settings, TimeProvider clock, RehabRules? rules = null,
        SafetyState? safety = null, AssessmentTaken? assessment = null) =>
        Decide(diary, settings, clock.GetUtcNow(), rules, safety, assessment);

    /// <summary>
    /// <paramref name="safety"/> is the person's safety state (the latest assessment and the diary); without it the
    /// state is read from the diary alone, as the CLI does. <paramref name="assessment"/>, when given, picks the
    /// pathway and adds the precautions of other possible sources.
    /// </summary>
    public static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, PlanSettings settings, DateTimeOffset now, RehabRules? rules = null,
        SafetyState? safety = null, AssessmentTaken? assessment = null)
    {
        rules ??= RehabRules.Current;
        var entries = diary.Where(e => e.Time <= now).OrderBy(e => e.Time.UtcDateTime).ToList();
        var choice = PathwayChoice.Choose(entries, settings, assessment is not null && assessment.TakenAt <= now ? assessment : null, rules);
        var step = choice.Step;
        var since = settings.Stage is not null && settings.StageSince is { } set ? set : StageMap.Since(entries, step, rules);
        var agreed = settings.AgreedLevel(rules, step.Pathway);
        var checks = PainRules.Check(entries, agreed, now, rules);
        safety ??= SafetyState.Of(null, entries, now);
        var personal = PersonalPlan.For(step, choice.AlsoPossible, entries, assessment, now, rules);

        var verdict = step.Stage == Stage.Settle
            ? Settle(entries, now, rules)
            : Loading(step, since, agreed, checks, entries, now, rules);
        // Every stage, settling too: a run-down week holds the step up to general movement as it holds any other.
        verdict = Adjust(verdict, step, since, checks, entries, now, rules);
        verdict = Precautions(verdict, step, choice.AlsoPossible, rules);
        if (safety.NeedsHelp)
        {
            // Red flags win: the plan stays where it is until a professional has looked. They never expire with time.
            verdict = verdict with
            {
                Decision = Decision.SeekHelp,
                Next = step.Stage,
                Reasons = [.. safety.Reasons.Select(PlanWording.Signal), PlanWording.PauseForHelp(safety.Urgency)],
                DoseCut = false,
                Ideas = [],
            };
        }
        return new PlanResult(step.Stage, verdict.Decision, verdict.Next, verdict.Predictability, verdict.Reasons, verdict.Unlocks,
            checks, safety, choice.FromDiary, since, agreed, now)
        {
            Pathway = step.Pathway,
            PathwayNote = choice.Note,
            Personal = personal,
            DoseCut = verdict.DoseCut,
            Ideas = verdict.Ideas,
        };
    }

    /// <summary>
    /// A second possible source may rule out every exercise of the next stage (a possible tendon rules out the
    /// tensioners): then the plan does not step up into a stage with nothing of its own to do; it holds and says why.
    /// </summary>
    private static Verdict Precautions(Verdict verdict, PathwayStage step, IReadOnlyList<Pathway> alsoPossible, RehabRules rules)
    {
        var others = alsoPossible.Where(p => p != step.Pathway).Select(rules.For).ToList();
        var current = OwnExercises(step, rules);
        if (verdict.Decision != Decision.Regress && others.FirstOrDefault(info => current.Count > 0 && current.All(info.AvoidWhenSecondary.Contains)) is { } holding)
        {
            // This step's own exercises are all left out: no run of them can build, so the plan says why it waits.
            return verdict with
            {
                Decision = Decision.Hold,
                Next = step.Stage,
                Reasons =
                [
                    $"While {holding.Name.ToLowerInvariant()} is also possible, this step's own exercises are left out: {holding.Precautions}",
                    "So the plan waits here, with the work of the step below. A physiotherapist can decide when to go on, or a new assessment may no longer find it.",
                ],
                DoseCut = false,
            };
        }
        if (verdict.Decision != Decision.Progress)
        {
            return verdict;
        }
        var next = new PathwayStage(step.Pathway, verdict.Next);
        var own = OwnExercises(next, rules);
        var blocking = others.FirstOrDefault(info => own.Count > 0 && own.All(info.AvoidWhenSecondary.Contains));
        if (blocking is null)
        {
            return verdict;
        }
        return verdict with
        {
            Decision = Decision.Hold,
            Next = step.Stage,
            Reasons =
            [
                $"You would be ready for {rules.For(next.Pathway, next.Stage).Name.ToLowerInvariant()}, but while {blocking.Name.ToLowerInvariant()} " +
                $"is also possible those exercises are left out: {blocking.Precautions}",
                "Stay at this step for now. A physiotherapist can move you on when it allows, or a new assessment may no longer find it.",
                .. verdict.Reasons,
            ],
        };
    }

    private static List<string> OwnExercises(PathwayStage step, RehabRules rules) =>
        [.. rules.For(step.Pathway, step.Stage).Plan.Select(i => i.Exercise).Where(id => rules.FindExercise(id) is { } e && e.StageValue == step.Stage)];

    /// <summary>The rules beyond single sessions: a step back wins over a hold, and either stops a step up.</summary>
    private static Verdict Adjust(Verdict verdict, PathwayStage step, DateTimeOffset? since, IReadOnlyList<SessionCheck> checks, List<DiaryEntry> entries,
        DateTimeOffset now, RehabRules rules)
    {
        var stageChecks = checks.Where(c => c.Step == step && (since is null || c.Session.Time >= since)).ToList();
        Adjustment[] found = [PlanAdjustments.WeeklyRise(entries, since, now, rules), PlanAdjustments.Spread(stageChecks, entries, now, rules, since),
            PlanAdjustments.RunDown(entries, now, rules)];
        var ideas = found.SelectMany(a => a.Ideas).ToList();
        if (found.Any(a => a.Limit == Decision.Regress) && verdict.Decision != Decision.Regress)
        {
            var down = RehabNames.Down(step.Pathway, step.Stage);
            List<string> why = [.. found.Where(a => a.Limit == Decision.Regress).SelectMany(a => a.Reasons)];
            if (down == step.Stage)
            {
                // The first step has nothing below it: a smaller dose within it is the step back.
                why.Add(PlanWording.FirstStepCut(rules.Adjustments.DoseCutShare.Value));
                return verdict with { Decision = Decision.Hold, Next = step.Stage, Reasons = why, DoseCut = true, Ideas = ideas };
            }
            why.Add($"Step back to {rules.For(step.Pathway, down).Name.ToLowerInvariant()} for now, at a dose that keeps the rules.");
            why.Add(PlanWording.SteppingBackIsNormal);
            return verdict with { Decision = Decision.Regress, Next = down, Reasons = why, DoseCut = false, Ideas = ideas };
        }
        var holds = found.Where(a => a.Limit == Decision.Hold).ToList();
        if (holds.Count == 0 || verdict.Decision == Decision.Regress)
        {
            return verdict;
        }
        List<string> reasons = [.. holds.SelectMany(a => a.Reasons)];
        if (verdict.Decision == Decision.Progress)
        {
            reasons.Add("Otherwise you would be ready for the next step: " + string.Join("; ", verdict.Reasons) + ".");
        }
        else
        {
            reasons.AddRange(verdict.Reasons);
        }
        return verdict with { Decision = Decision.Hold, Next = step.Stage, Reasons = reasons, Ideas = ideas };
    }

    private sealed record Verdict(Decision Decision, Stage Next, PredictabilityScore Predictability, IReadOnlyList<string> Reasons, IReadOnlyList<Requirement> Unlocks)
    {
        public bool DoseCut { get; init; }

        public IReadOnlyList<string> Ideas { get; init; } = [];
    }

    private static Verdict Loading(PathwayStage step, DateTimeOffset? since, int agreed, IReadOnlyList<SessionCheck> checks, List<DiaryEntry> entries, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Decisions;
        var stage = step.Stage;
        var noun = PlanWording.SessionNoun(stage);
        var stageChecks = checks.Where(c => c.Step == step && (since is null || c.Session.Time >= since)).ToList();
        var predictability = Predictability.OfSessions(
            stageChecks.Where(c => c.Session.Time >= now.AddDays(-rules.Predictability.LookbackDays.Value)), rules);

        // The run: sessions since the last one that broke a rule, or since a gap of more than the recent days.
        var gap = TimeSpan.FromDays(numbers.RecentDays.Value);
        var start = 0;
        SessionCheck? lastBroken = null;
        for (var i = 0; i < stageChecks.Count; i++)
        {
            if (i > 0 && stageChecks[i].Session.Time - stageChecks[i - 1].Session.End > gap)
            {
                start = i;
            }
            if (stageChecks[i].Outcome == SessionOutcome.Broken)
            {
                start = i + 1;
                lastBroken = stageChecks[i];
            }
        }
        var run = stageChecks.Skip(start).ToList();
        var runDays = run.Count == 0 ? 0 : Days(run[0].Session.Time, now);
        var settled = run.Where(c => c.Outcome != SessionOutcome.Waiting).ToList();
        var kept = settled.Count(c => c.Outcome == SessionOutcome.Kept);
        var answered = settled.Count == 0 ? 0 : kept / (double)settled.Count;
        var last = stageChecks.LastOrDefault();
        var recent = last is not null && now - last.Session.End <= gap;

        var needDays = rules.RunDays(step.Pathway);
        var needSessions = rules.MinSessions(step.Pathway);
        List<Requirement> unlocks =
        [
            new("Days keeping the pain rules", $"{Math.Min(runDays, needDays)} of {needDays} days", Fraction(runDays, needDays), runDays >= needDays),
            new($"{Capital(noun)} sessions in that time", $"{Math.Min(run.Count, needSessions)} of {needSessions}", Fraction(run.Count, needSessions), run.Count >= needSessions),
            new("Next-morning answers", settled.Count == 0 ? "none yet" : $"{kept} of {settled.Count} sessions",
                settled.Count == 0 ? 0 : Math.Min(1, answered / numbers.AnsweredShare.Value), settled.Count > 0 && answered >= numbers.AnsweredShare.Value),
            PredictabilityRequirement(predictability, "comparable sessions", rules),
            new($"A session in the last {numbers.RecentDays.Whole} days", recent ? "yes" : last is null ? "none yet" : $"last on {PlanWording.Date(last.Session.Time)}",
                recent ? 1 : 0, recent),
        ];

        // Step back when sessions keep breaking the next-morning or flare-up rule. Pain during above the agreed level
        // that settles by the morning asks for a smaller dose within the stage first.
        var lookback = now.AddDays(-numbers.RegressLookbackDays.Value);
        var lastChecked = stageChecks.Where(c => c.Outcome != SessionOutcome.Waiting && c.Session.Time >= lookback)
            .TakeLast(numbers.RegressLastSessions.Whole).ToList();
        var broken = lastChecked.Where(c => c.Morning == RuleState.Broken || c.Flare == RuleState.Broken).ToList();
        var down = RehabNames.Down(step.Pathway, stage);
        if (broken.Count >= numbers.RegressBroken.Whole)
        {
            List<string> why = [$"{broken.Count} of the last {PlanWording.Plural(lastChecked.Count, "session", "sessions")} were followed by a worse morning or a flare-up:"];
            why.AddRange(broken.Select(c => $"{PlanWording.Session(c)}: {PlanWording.WhatBroke(c, agreed)}."));
            if (down == stage)
            {
                // The first step of a pathway has nothing below it: a smaller dose within it is the step back.
                why.Add(PlanWording.FirstStepCut(rules.Adjustments.DoseCutShare.Value));
                return new Verdict(Decision.Hold, stage, predictability, why, unlocks) { DoseCut = true };
            }
            why.Add($"Step back to {rules.For(step.Pathway, down).Name.ToLowerInvariant()} for now, at a dose that keeps the rules.");
            why.Add(PlanWording.SteppingBackIsNormal);
            return new Verdict(Decision.Regress, down, predictability, why, unlocks);
        }
        // Pain during above the agreed level that settles: a smaller dose within the stage, kept for the next few
        // sessions (the same count the step-back rule looks at) so the dose builds up again from a settled base.
        var overDose = lastChecked.Where(c => c.During == RuleState.Broken && c.Morning != RuleState.Broken && c.Flare != RuleState.Broken).ToList();
        var doseCut = overDose.Count > 0;

        if (unlocks.All(u => u.Met))
        {
            List<string> why =
            [
                $"{runDays} days of {noun} sessions ({run.Count} sessions) with pain during at most {agreed}/10",
                kept == settled.Count
                    ? "pain back to its usual level by the next morning every time"
                    : $"pain back to its usual level by the next morning every time you answered ({kept} of {settled.Count} sessions)",
                $"no flare-up within {rules.PainRules.FlareWindowHours.Whole} hours of any session",
                $"the same dose gave much the same response in {predictability.AsExpected} of {predictability.Basis} sessions (predictability {PlanWording.Share(predictability.Score)})",
            ];
            if (stage == Stage.FullTraining)
            {
                why.Insert(0, "You are on the last step: keep training to your agreed pain level and keep checking the next morning.");
                return new Verdict(Decision.Hold, stage, predictability, why, unlocks);
            }
            return new Verdict(Decision.Progress, RehabNames.Up(step.Pathway, stage), predictability, why, unlocks);
        }

        var reasons = new List<string>();
        if (doseCut)
        {
            reasons.Add(PlanWording.DoseCut(overDose, agreed, rules.Adjustments.DoseCutShare.Value));
        }
        if (stageChecks.Count == 0)
        {
            reasons.Add($"No {noun} sessions logged at this stage yet. Start with today's plan.");
        }
        else
        {
            if (lastBroken is not null && start == stageChecks.IndexOf(lastBroken) + 1 && !overDose.Contains(lastBroken))
            {
                reasons.Add($"The {PlanWording.Exercise(lastBroken.Session.Item)} session on {PlanWording.Date(lastBroken.Session.Time)} broke a pain rule " +
                    $"({PlanWording.WhatBroke(lastBroken, agreed)}), so the count started again after it. One hard session is common.");
            }
            if (runDays < needDays || run.Count < needSessions)
            {
                var parts = new List<string>();
                if (runDays < needDays)
                {
                    parts.Add($"{runDays} of the {needDays} days");
                }
                if (run.Count < needSessions)
                {
                    parts.Add($"{run.Count} of the {needSessions} sessions");
                }
                reasons.Add(run.Count == 0
                    ? $"The {needDays}-day run starts with your next {noun} session."
                    : $"Too early to step up: {string.Join(" and ", parts)} so far. Keep going at the {(doseCut ? "smaller" : "same")} dose.");
            }
            if (!recent && last is not null)
            {
                reasons.Add($"No {noun} session since {PlanWording.Date(last.Session.Time)}; the run starts again with the next one.");
            }
            var unanswered = settled.Count - kept;
            if (settled.Count > 0 && answered < numbers.AnsweredShare.Value)
            {
                reasons.Add($"{PlanWording.Plural(unanswered, "session has", "sessions have")} no next-morning pain answer. Answering the morning question shows how a session went.");
            }
            reasons.AddRange(PredictabilityReasons(predictability, "sessions", rules));
        }
        if (reasons.Count == 0)
        {
            reasons.Add("Keep going at the same dose; the next step unlocks when every condition on the ladder is met.");
        }
        return new Verdict(Decision.Hold, stage, predictability, reasons, unlocks) { DoseCut = doseCut };
    }

    private static Verdict Settle(List<DiaryEntry> entries, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Decisions;
        var from = now.AddDays(-numbers.SettleWindowDays.Value);
        var first = entries.Count > 0 ? entries[0] : null;
        var diaryDays = first is null ? 0 : Days(first.Time, now);
        var lastFlare = entries.LastOrDefault(e => e.Type == EntryType.Flare);
        var flareFree = lastFlare is null ? diaryDays : (int)Math.Floor((now - lastFlare.Time).TotalDays);
        var painDays = entries.Where(e => e.Type == EntryType.Pain && e.Time >= from).Select(e => DateOnly.FromDateTime(e.Time.DateTime)).Distinct().Count();
        var predictability = Predictability.OfDays(entries, from, now, rules);

        var (needDays, needCalm, needPain) = (numbers.SettleDays.Whole, numbers.SettleFlareFreeDays.Whole, numbers.SettlePainDays.Whole);
        List<Requirement> unlocks =
        [
            new("Days of diary", $"{Math.Min(diaryDays, needDays)} of {needDays} days", Fraction(diaryDays, needDays), diaryDays >= needDays),
            new("Days since the last flare-up", $"{Math.Min(flareFree, needCalm)} of {needCalm} days", Fraction(flareFree, needCalm), flareFree >= needCalm),
            new($"Days with pain logged (last {numbers.SettleWindowDays.Whole})", $"{Math.Min(painDays, needPain)} of {needPain} days", Fraction(painDays, needPain), painDays >= needPain),
            PredictabilityRequirement(predictability, "days logged", rules),
        ];

        if (unlocks.All(u => u.Met))
        {
            return new Verdict(Decision.Progress, Stage.GeneralMovement, predictability,
            [
                $"{diaryDays} days of diary and no flare-up in the last {flareFree} days",
                $"pain logged on {painDays} of the last {numbers.SettleWindowDays.Whole} days",
                $"the days look much alike: {predictability.AsExpected} of {predictability.Basis} were as expected (predictability {PlanWording.Share(predictability.Score)})",
                "the pain has become more predictable, so it is time to add regular movement",
            ], unlocks);
        }

        var reasons = new List<string>();
        if (first is null)
        {
            reasons.Add("Nothing in the diary yet. Log your pain once or twice a day for a week, and the plan can tell when to add movement.");
        }
        else
        {
            if (lastFlare is not null && flareFree < needCalm)
            {
                reasons.Add($"A flare-up on {PlanWording.Date(lastFlare.Time)}: keep settling for now. Flare-ups are part of the process and usually pass.");
            }
            if (diaryDays < needDays || painDays < needPain)
            {
                reasons.Add($"Too early to tell: {Math.Min(diaryDays, needDays)} of {needDays} days of diary, with pain logged on {painDays} of the {needPain} days needed.");
            }
            reasons.AddRange(PredictabilityReasons(predictability, "days", rules));
        }
        return new Verdict(Decision.Hold, Stage.Settle, predictability, reasons, unlocks);
    }

    private static Requirement PredictabilityRequirement(PredictabilityScore score, string what, RehabRules rules)
    {
        var need = rules.Predictability.MinSessions.Whole;
        var cutoff = rules.Predictability.Cutoff.Value;
        return score.Enough(rules)
            ? new("Predictable responses", $"{PlanWording.Share(score.Score)} ({cutoff.ToString("0.0#", CultureInfo.InvariantCulture)} needed)",
                Math.Min(1, score.Score / cutoff), score.Predictable(rules))
            : new("Predictable responses", $"{score.Basis} of {need} {what} to compare", Fraction(score.Basis, need), false);
    }

    private static IEnumerable<string> PredictabilityReasons(PredictabilityScore score, string what, RehabRules rules)
    {
        if (!score.Enough(rules))
        {
            yield return $"Too few {what} at the same dose yet to tell whether the responses are predictable.";
        }
        else if (!score.Predictable(rules))
        {
            var cutoff = rules.Predictability.Cutoff.Value.ToString("0.0#", CultureInfo.InvariantCulture);
            yield return $"The responses have been erratic: {score.Basis - score.AsExpected} of {score.Basis} {what} went differently from the rest " +
                $"(predictability {PlanWording.Share(score.Score)}; {cutoff} needed). Keep the dose the same until they settle.";
        }
    }

    /// <summary>Calendar days from a start to now, both counted, in the start's own time zone.</summary>
    internal static int Days(DateTimeOffset start, DateTimeOffset now) =>
        DateOnly.FromDateTime(now.ToOffset(start.Offset).DateTime).DayNumber - DateOnly.FromDateTime(start.DateTime).DayNumber + 1;

    private static double Fraction(int have, int need) => need <= 0 ? 1 : Math.Clamp(have / (double)need, 0, 1);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
