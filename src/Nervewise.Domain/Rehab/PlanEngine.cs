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
    DateTimeOffset AsOf);

/// <summary>
/// The decision of graded exposure, in this order: seek-help when a warning sign is logged; regress when sessions
/// keep breaking the pain rules; progress after a sustained, predictable run that keeps them; otherwise hold.
/// Every number comes from rehab-plan.json; the clock is passed in.
/// </summary>
public static class PlanEngine
{
    public static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, PlanSettings settings, TimeProvider clock, RehabRules? rules = null, SafetyState? safety = null) =>
        Decide(diary, settings, clock.GetUtcNow(), rules, safety);

    /// <summary>
    /// <paramref name="safety"/> is the person's safety state (the latest assessment and the diary); without it the
    /// state is read from the diary alone, as the CLI does.
    /// </summary>
    public static PlanResult Decide(IReadOnlyList<DiaryEntry> diary, PlanSettings settings, DateTimeOffset now, RehabRules? rules = null, SafetyState? safety = null)
    {
        rules ??= RehabRules.Current;
        var entries = diary.Where(e => e.Time <= now).OrderBy(e => e.Time.UtcDateTime).ToList();
        var stage = settings.Stage ?? StageMap.FromDiary(entries, rules);
        var since = settings.Stage is not null && settings.StageSince is { } set ? set : StageMap.Since(entries, stage, rules);
        var agreed = settings.AgreedLevel(rules);
        var checks = PainRules.Check(entries, agreed, now, rules);
        safety ??= SafetyState.Of(null, entries, now);

        var verdict = stage == Stage.Settle
            ? Settle(entries, now, rules)
            : Loading(stage, since, agreed, checks, now, rules);
        if (safety.NeedsHelp)
        {
            // Red flags win: the plan stays where it is until a professional has looked. They never expire with time.
            verdict = verdict with
            {
                Decision = Decision.SeekHelp,
                Next = stage,
                Reasons = [.. safety.Reasons.Select(PlanWording.Signal), PlanWording.PauseForHelp(safety.Urgency)],
            };
        }
        return new PlanResult(stage, verdict.Decision, verdict.Next, verdict.Predictability, verdict.Reasons, verdict.Unlocks,
            checks, safety, settings.Stage is null, since, agreed, now);
    }

    private sealed record Verdict(Decision Decision, Stage Next, PredictabilityScore Predictability, IReadOnlyList<string> Reasons, IReadOnlyList<Requirement> Unlocks);

    private static Verdict Loading(Stage stage, DateTimeOffset? since, int agreed, IReadOnlyList<SessionCheck> checks, DateTimeOffset now, RehabRules rules)
    {
        var numbers = rules.Decisions;
        var noun = PlanWording.SessionNoun(stage);
        var stageChecks = checks.Where(c => c.Stage == stage && (since is null || c.Session.Time >= since)).ToList();
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

        var needDays = numbers.RunDays.Whole;
        var needSessions = numbers.MinSessions.Whole;
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

        // Step back when sessions keep breaking the rules.
        var lookback = now.AddDays(-numbers.RegressLookbackDays.Value);
        var lastChecked = stageChecks.Where(c => c.Outcome != SessionOutcome.Waiting && c.Session.Time >= lookback)
            .TakeLast(numbers.RegressLastSessions.Whole).ToList();
        var broken = lastChecked.Where(c => c.Outcome == SessionOutcome.Broken).ToList();
        if (broken.Count >= numbers.RegressBroken.Whole)
        {
            List<string> why = [$"{broken.Count} of the last {PlanWording.Plural(lastChecked.Count, "session", "sessions")} broke a pain rule:"];
            why.AddRange(broken.Select(c => $"{PlanWording.Session(c)}: {PlanWording.WhatBroke(c, agreed)}."));
            why.Add($"Step back to {rules.For(RehabNames.Down(stage)).Name.ToLowerInvariant()} for now, at a dose that keeps the rules.");
            why.Add(PlanWording.SteppingBackIsNormal);
            return new Verdict(Decision.Regress, RehabNames.Down(stage), predictability, why, unlocks);
        }

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
            return new Verdict(Decision.Progress, RehabNames.Up(stage), predictability, why, unlocks);
        }

        var reasons = new List<string>();
        if (stageChecks.Count == 0)
        {
            reasons.Add($"No {noun} sessions logged at this stage yet. Start with today's plan.");
        }
        else
        {
            if (lastBroken is not null && start == stageChecks.IndexOf(lastBroken) + 1)
            {
                reasons.Add($"The {DiaryVocabulary.Words(lastBroken.Session.Item)} session on {PlanWording.Date(lastBroken.Session.Time)} broke a pain rule " +
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
                    : $"Too early to step up: {string.Join(" and ", parts)} so far. Keep going at the same dose.");
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
        return new Verdict(Decision.Hold, stage, predictability, reasons, unlocks);
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
