using System.Text.Json;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Rehab;

/// <summary>The reviewed numbers and content of graded exposure, read from rehab-plan.json beside this file.</summary>
public sealed record RehabRules(
    RehabRules.PainRuleNumbers PainRules,
    RehabRules.PredictabilityNumbers Predictability,
    RehabRules.DecisionNumbers Decisions,
    RehabRules.Limits DoseLimits,
    IReadOnlyList<RehabRules.StageInfo> Stages,
    IReadOnlyList<RehabRules.Exercise> Exercises,
    RehabRules.TrainingGuidance Training,
    IReadOnlyDictionary<string, string> References,
    IReadOnlyList<RehabRules.PathwayInfo> Pathways,
    RehabRules.AdjustmentNumbers Adjustments,
    RehabRules.ProvocationChoice Provocations)
{
    private static readonly Lazy<RehabRules> Loaded = new(() => Read(EmbeddedData.Read("rehab-plan.json")));

    public static RehabRules Current => Loaded.Value;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>One number with the reasoning and sources beside it.</summary>
    public sealed record Reasoned(double Value, string Why, IReadOnlyList<string> Sources)
    {
        public int Whole => (int)Value;
    }

    public sealed record AgreedLevel(int Value, int Lowest, int Highest, string Why, IReadOnlyList<string> Sources);

    public sealed record PainRuleNumbers(
        AgreedLevel AgreedPainLevel, Reasoned MorningMargin, Reasoned MorningFromHour, Reasoned MorningToHour,
        Reasoned UsualLookbackDays, Reasoned UsualMinReadings, Reasoned FlareWindowHours);

    public sealed record PredictabilityNumbers(
        Reasoned Cutoff, Reasoned Margin, Reasoned MinSessions, Reasoned LookbackDays, Reasoned DurationStepMinutes);

    public sealed record DecisionNumbers(
        Reasoned RunDays, Reasoned MinSessions, Reasoned AnsweredShare, Reasoned RecentDays,
        Reasoned RegressBroken, Reasoned RegressLastSessions, Reasoned RegressLookbackDays,
        Reasoned SettleDays, Reasoned SettleFlareFreeDays, Reasoned SettleWindowDays, Reasoned SettlePainDays);

    /// <summary>The numbers of the rules that hold, cut the dose or step back within a pathway (issue 14).</summary>
    public sealed record AdjustmentNumbers(
        Reasoned WeeklyRiseHold, Reasoned WeeklyRiseRegress, Reasoned WeekDays, Reasoned SymptomRise, Reasoned SpreadRegress,
        Reasoned DoseCutShare, Reasoned RunDownLevel, Reasoned RunDownCheckinDays, Reasoned ShortNightHours, Reasoned ShortNights);

    /// <summary>
    /// One source's ladder: its stages, default pain level and run, what it rules out when it is only a second source,
    /// and its flare-up steps.
    /// </summary>
    public sealed record PathwayInfo(
        string Id, string Source, string Name, IReadOnlyList<string> Stages, Reasoned AgreedPainLevel, Reasoned? RunDays,
        Reasoned? MinSessions, string Precautions, IReadOnlyList<string> AvoidWhenSecondary, IReadOnlyList<string> FlareUp,
        string Why, IReadOnlyList<string> Sources)
    {
        public Pathway Value => RehabNames.TryParsePathway(Id, out var pathway) ? pathway : throw new InvalidOperationException($"Unknown pathway '{Id}'.");
    }

    /// <summary>Which provocative position each aggravating activity or assessment answer brings back.</summary>
    public sealed record Provocation(IReadOnlyList<string> Activities, IReadOnlyList<string> Items, string Exercise);

    public sealed record ProvocationChoice(
        IReadOnlyList<Provocation> Positions, IReadOnlyList<string> Default, int Most, IReadOnlyList<string> Everyday,
        string Why, IReadOnlyList<string> Sources);

    /// <summary>Lowest and highest allowed value of each dose field.</summary>
    public sealed record Limits(
        IReadOnlyList<int> Minutes, IReadOnlyList<int> Sets, IReadOnlyList<int> Reps, IReadOnlyList<int> HoldSeconds,
        IReadOnlyList<int> PerWeek, string Why, IReadOnlyList<string> Sources);

    public sealed record PlanItem(string Exercise, int PerWeek);

    public sealed record StageInfo(
        string Id, string Pathway, string Name, string Short, string Aim, string Entry, string Exit, IReadOnlyList<PlanItem> Plan,
        string Why, IReadOnlyList<string> Sources)
    {
        public Stage Stage => RehabNames.TryParseStage(Id, out var stage) ? stage : throw new InvalidOperationException($"Unknown stage '{Id}'.");

        public Pathway PathwayValue => RehabNames.TryParsePathway(Pathway, out var pathway) ? pathway : throw new InvalidOperationException($"Unknown pathway '{Pathway}'.");
    }

    public sealed record ExerciseDose(int Minutes, int? Sets, int? Reps, int? HoldSeconds);

    public sealed record Exercise(
        string Id, string Pathway, string Stage, string Name, string Summary, IReadOnlyList<string> Steps, string Feel, ExerciseDose Dose,
        string StepUp, string Why, IReadOnlyList<string> Sources)
    {
        public Stage StageValue => RehabNames.TryParseStage(Stage, out var stage) ? stage : throw new InvalidOperationException($"Unknown stage '{Stage}'.");

        public Pathway PathwayValue => RehabNames.TryParsePathway(Pathway, out var pathway) ? pathway : throw new InvalidOperationException($"Unknown pathway '{Pathway}'.");
    }

    public sealed record TrainingGuidance(IReadOnlyList<string> WithPain, IReadOnlyList<string> ProvocativeReturn, string Why, IReadOnlyList<string> Sources);

    public StageInfo For(Pathway pathway, Stage stage) =>
        Stages.FirstOrDefault(s => s.Id == RehabNames.Of(stage) && s.Pathway == RehabNames.Of(pathway))
        ?? throw new ArgumentOutOfRangeException(nameof(stage), stage, $"Not a stage of the {RehabNames.Of(pathway)} pathway.");

    public PathwayInfo For(Pathway pathway) => Pathways.First(p => p.Id == RehabNames.Of(pathway));

    public Exercise? FindExercise(string id) => Exercises.FirstOrDefault(e => e.Id == id);

    /// <summary>The pain level a pathway allows during a session unless a clinician agreed another.</summary>
    public int DefaultPainLevel(Pathway pathway) => For(pathway).AgreedPainLevel.Whole;

    public int RunDays(Pathway pathway) => (For(pathway).RunDays ?? Decisions.RunDays).Whole;

    public int MinSessions(Pathway pathway) => (For(pathway).MinSessions ?? Decisions.MinSessions).Whole;

    /// <summary>The dose of an exercise at a stage, before any per-person change.</summary>
    public Dose DoseAt(Pathway pathway, Stage stage, string exerciseId)
    {
        var exercise = FindExercise(exerciseId) ?? throw new ArgumentOutOfRangeException(nameof(exerciseId), exerciseId, "Not an exercise of the plan.");
        var perWeek = Stages.FirstOrDefault(s => s.Id == RehabNames.Of(stage) && s.Pathway == RehabNames.Of(pathway))?.Plan
            .FirstOrDefault(p => p.Exercise == exerciseId)?.PerWeek ?? 3;
        return new Dose(exercise.Dose.Minutes, exercise.Dose.Sets, exercise.Dose.Reps, exercise.Dose.HoldSeconds, perWeek);
    }

    internal static RehabRules Read(string json)
    {
        var rules = JsonSerializer.Deserialize<RehabRules>(json, JsonOptions)
            ?? throw new InvalidOperationException("rehab-plan.json is empty.");
        rules.Check();
        return rules;
    }

    /// <summary>A typo in the data file must stop the app at start, not mislead a person later.</summary>
    private void Check()
    {
        var problems = new List<string>();
        foreach (var pathway in RehabNames.Pathways)
        {
            var name = RehabNames.Of(pathway);
            var expected = RehabNames.StageNames(pathway);
            if (!Stages.Where(s => s.Pathway == name).Select(s => s.Id).SequenceEqual(expected))
            {
                problems.Add($"the {name} stages must be {string.Join(", ", expected)} in that order");
            }
            if (Pathways.Count(p => p.Id == name) != 1)
            {
                problems.Add($"pathways must describe {name} once");
            }
        }
        void Sourced(string what, string why, IReadOnlyList<string> sources)
        {
            if (string.IsNullOrWhiteSpace(why))
            {
                problems.Add($"{what} has no reasoning");
            }
            if (sources.Count == 0 || sources.Any(s => !References.ContainsKey(s)))
            {
                problems.Add($"{what} names no source, or one the references lack");
            }
        }

        var numbers = new Dictionary<string, Reasoned>
        {
            ["painRules.morningMargin"] = PainRules.MorningMargin, ["painRules.morningFromHour"] = PainRules.MorningFromHour,
            ["painRules.morningToHour"] = PainRules.MorningToHour, ["painRules.usualLookbackDays"] = PainRules.UsualLookbackDays,
            ["painRules.usualMinReadings"] = PainRules.UsualMinReadings, ["painRules.flareWindowHours"] = PainRules.FlareWindowHours,
            ["predictability.cutoff"] = Predictability.Cutoff, ["predictability.margin"] = Predictability.Margin,
            ["predictability.minSessions"] = Predictability.MinSessions, ["predictability.lookbackDays"] = Predictability.LookbackDays,
            ["predictability.durationStepMinutes"] = Predictability.DurationStepMinutes,
            ["decisions.runDays"] = Decisions.RunDays, ["decisions.minSessions"] = Decisions.MinSessions,
            ["decisions.answeredShare"] = Decisions.AnsweredShare, ["decisions.recentDays"] = Decisions.RecentDays,
            ["decisions.regressBroken"] = Decisions.RegressBroken, ["decisions.regressLastSessions"] = Decisions.RegressLastSessions,
            ["decisions.regressLookbackDays"] = Decisions.RegressLookbackDays, ["decisions.settleDays"] = Decisions.SettleDays,
            ["decisions.settleFlareFreeDays"] = Decisions.SettleFlareFreeDays,
            ["decisions.settleWindowDays"] = Decisions.SettleWindowDays, ["decisions.settlePainDays"] = Decisions.SettlePainDays,
            ["adjustments.weeklyRiseHold"] = Adjustments.WeeklyRiseHold, ["adjustments.weeklyRiseRegress"] = Adjustments.WeeklyRiseRegress,
            ["adjustments.weekDays"] = Adjustments.WeekDays, ["adjustments.symptomRise"] = Adjustments.SymptomRise,
            ["adjustments.spreadRegress"] = Adjustments.SpreadRegress, ["adjustments.doseCutShare"] = Adjustments.DoseCutShare,
            ["adjustments.runDownLevel"] = Adjustments.RunDownLevel, ["adjustments.runDownCheckinDays"] = Adjustments.RunDownCheckinDays,
            ["adjustments.shortNightHours"] = Adjustments.ShortNightHours, ["adjustments.shortNights"] = Adjustments.ShortNights,
        };
        foreach (var pathway in Pathways)
        {
            numbers[$"pathways.{pathway.Id}.agreedPainLevel"] = pathway.AgreedPainLevel;
            if (pathway.RunDays is { } runDays)
            {
                numbers[$"pathways.{pathway.Id}.runDays"] = runDays;
            }
            if (pathway.MinSessions is { } minSessions)
            {
                numbers[$"pathways.{pathway.Id}.minSessions"] = minSessions;
            }
            Sourced($"pathway {pathway.Id}", pathway.Why, pathway.Sources);
            if (pathway.AgreedPainLevel is { } level && (level.Value < PainRules.AgreedPainLevel.Lowest || level.Value > PainRules.AgreedPainLevel.Highest))
            {
                problems.Add($"pathways.{pathway.Id}.agreedPainLevel must lie within painRules.agreedPainLevel's lowest and highest");
            }
            if (pathway.FlareUp.Count == 0)
            {
                problems.Add($"pathway {pathway.Id} has no flare-up steps");
            }
            foreach (var id in pathway.AvoidWhenSecondary.Where(id => FindExercise(id) is null))
            {
                problems.Add($"pathway {pathway.Id} avoids '{id}', which is not an exercise");
            }
        }
        Sourced("provocations", Provocations.Why, Provocations.Sources);
        foreach (var id in Provocations.Positions.Select(p => p.Exercise).Concat(Provocations.Default))
        {
            if (FindExercise(id) is not { StageValue: Stage.Provocation })
            {
                problems.Add($"provocations name '{id}', which is not an exercise of the provocation stage");
            }
        }
        if (Adjustments.DoseCutShare.Value is <= 0 or >= 1)
        {
            problems.Add("adjustments.doseCutShare is a share between 0 and 1");
        }
        foreach (var (name, number) in numbers)
        {
            if (number is null)
            {
                problems.Add($"{name} is missing");
                continue;
            }
            Sourced(name, number.Why, number.Sources);
            if (number.Value < 0)
            {
                problems.Add($"{name} must not be negative");
            }
        }
        var agreed = PainRules.AgreedPainLevel;
        Sourced("painRules.agreedPainLevel", agreed.Why, agreed.Sources);
        if (agreed.Lowest < PainScore.Min || agreed.Highest > PainScore.Max || agreed.Value < agreed.Lowest || agreed.Value > agreed.Highest)
        {
            problems.Add("painRules.agreedPainLevel must lie within lowest and highest, inside 0 to 10");
        }
        if (Predictability.Cutoff.Value is <= 0 or > 1 || Decisions.AnsweredShare.Value is <= 0 or > 1)
        {
            problems.Add("predictability.cutoff and decisions.answeredShare are shares from 0 to 1");
        }
        if (PainRules.MorningFromHour.Value >= PainRules.MorningToHour.Value || PainRules.MorningToHour.Value > 24)
        {
            problems.Add("the morning hours must run forwards within one day");
        }
        if (Decisions.RegressBroken.Value > Decisions.RegressLastSessions.Value)
        {
            problems.Add("decisions.regressBroken cannot exceed decisions.regressLastSessions");
        }

        Sourced("doseLimits", DoseLimits.Why, DoseLimits.Sources);
        Sourced("training", Training.Why, Training.Sources);
        foreach (var stage in Stages)
        {
            Sourced($"stage {stage.Id}", stage.Why, stage.Sources);
            foreach (var item in stage.Plan)
            {
                if (FindExercise(item.Exercise) is not { } exercise)
                {
                    problems.Add($"stage {stage.Id} plans '{item.Exercise}', which is not an exercise");
                }
                else if (exercise.Pathway != stage.Pathway)
                {
                    problems.Add($"{stage.Pathway} stage {stage.Id} plans '{item.Exercise}', an exercise of the {exercise.Pathway} pathway");
                }
                else if (RehabNames.TryParsePathway(stage.Pathway, out var pathway) && RehabNames.TryParseStage(stage.Id, pathway, out var at)
                    && RehabNames.Belongs(pathway, exercise.StageValue) && RehabNames.Rank(pathway, exercise.StageValue) > RehabNames.Rank(pathway, at))
                {
                    problems.Add($"stage {stage.Id} plans '{item.Exercise}', which belongs to a later stage");
                }
                if (!Dose.InRange(item.PerWeek, DoseLimits.PerWeek))
                {
                    problems.Add($"stage {stage.Id}: perWeek of '{item.Exercise}' is outside the dose limits");
                }
            }
        }
        foreach (var exercise in Exercises)
        {
            Sourced($"exercise {exercise.Id}", exercise.Why, exercise.Sources);
            if (!RehabNames.TryParsePathway(exercise.Pathway, out var pathway) || !RehabNames.TryParseStage(exercise.Stage, pathway, out var stage))
            {
                problems.Add($"exercise {exercise.Id} names an unknown pathway or stage '{exercise.Pathway}/{exercise.Stage}'");
            }
            else if (pathway == Pathway.Nerve && StageMap.ByName(exercise.Id) is { } byName && byName != stage)
            {
                problems.Add($"exercise {exercise.Id} is in {exercise.Stage}, but its name says {RehabNames.Of(byName)} (cli.md)");
            }
            if (DiaryEntry.Check(EntryType.Exercise, exercise.Id, 0, exercise.Dose.Minutes, null).Count > 0)
            {
                problems.Add($"exercise {exercise.Id} is not a valid diary exercise item with its minutes");
            }
            var dose = new Dose(exercise.Dose.Minutes, exercise.Dose.Sets, exercise.Dose.Reps, exercise.Dose.HoldSeconds, 1);
            problems.AddRange(dose.Check(DoseLimits).Select(e => $"exercise {exercise.Id}: {e}"));
        }
        if (Exercises.Select(e => e.Id).Distinct().Count() != Exercises.Count)
        {
            problems.Add("exercise ids must be unique");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("rehab-plan.json: " + string.Join("; ", problems));
        }
    }
}
