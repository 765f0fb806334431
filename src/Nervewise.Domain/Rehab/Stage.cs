namespace Nervewise.Domain.Rehab;

/// <summary>The source of pain a ladder of graded exposure is built for (shared/spec/cli.md). Never rename.</summary>
public enum Pathway
{
    Nerve,
    Muscle,
    Tendon,
}

/// <summary>
/// The steps of graded exposure of every pathway (shared/spec/cli.md). Never rename. The order within a pathway is
/// <see cref="RehabNames.StagesOf"/>, not the order here; full training ends every pathway.
/// </summary>
public enum Stage
{
    Settle,
    GeneralMovement,
    Sliders,
    Tensioners,
    Provocation,
    FullTraining,
    Protect,
    Strengthen,
    Lengthen,
    Running,
    Isometric,
    SlowHeavy,
    EnergyStorage,
}

/// <summary>What the plan says to do next.</summary>
public enum Decision
{
    Progress,
    Hold,
    Regress,
    SeekHelp,
}

/// <summary>The contract's spelling of pathways, stages and decisions: lowercase, words joined by hyphens.</summary>
public static class RehabNames
{
    public static readonly IReadOnlyList<Pathway> Pathways = Enum.GetValues<Pathway>();

    /// <summary>Each pathway's ladder, in the contract's order.</summary>
    public static IReadOnlyList<Stage> StagesOf(Pathway pathway) => pathway switch
    {
        Pathway.Nerve => [Stage.Settle, Stage.GeneralMovement, Stage.Sliders, Stage.Tensioners, Stage.Provocation, Stage.FullTraining],
        Pathway.Muscle => [Stage.Protect, Stage.Strengthen, Stage.Lengthen, Stage.Running, Stage.FullTraining],
        Pathway.Tendon => [Stage.Isometric, Stage.SlowHeavy, Stage.EnergyStorage, Stage.FullTraining],
        _ => throw new ArgumentOutOfRangeException(nameof(pathway)),
    };

    public static IReadOnlyList<string> StageNames(Pathway pathway) => [.. StagesOf(pathway).Select(Of)];

    public static string Of(Pathway pathway) => pathway switch
    {
        Pathway.Nerve => "nerve",
        Pathway.Muscle => "muscle",
        Pathway.Tendon => "tendon",
        _ => throw new ArgumentOutOfRangeException(nameof(pathway)),
    };

    public static string Of(Stage stage) => stage switch
    {
        Stage.Settle => "settle",
        Stage.GeneralMovement => "general-movement",
        Stage.Sliders => "sliders",
        Stage.Tensioners => "tensioners",
        Stage.Provocation => "provocation",
        Stage.FullTraining => "full-training",
        Stage.Protect => "protect",
        Stage.Strengthen => "strengthen",
        Stage.Lengthen => "lengthen",
        Stage.Running => "running",
        Stage.Isometric => "isometric",
        Stage.SlowHeavy => "slow-heavy",
        Stage.EnergyStorage => "energy-storage",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string Of(Decision decision) => decision switch
    {
        Decision.Progress => "progress",
        Decision.Hold => "hold",
        Decision.Regress => "regress",
        Decision.SeekHelp => "seek-help",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    /// <summary>Reads a stage of any pathway exactly as the contract spells it; anything else is refused.</summary>
    public static bool TryParseStage(string? name, out Stage stage)
    {
        foreach (var candidate in Enum.GetValues<Stage>())
        {
            if (name == Of(candidate))
            {
                stage = candidate;
                return true;
            }
        }
        stage = default;
        return false;
    }

    /// <summary>Reads a stage only when it is a stage of <paramref name="pathway"/>.</summary>
    public static bool TryParseStage(string? name, Pathway pathway, out Stage stage) =>
        TryParseStage(name, out stage) && StagesOf(pathway).Contains(stage);

    public static bool TryParsePathway(string? name, out Pathway pathway)
    {
        foreach (var candidate in Pathways)
        {
            if (name == Of(candidate))
            {
                pathway = candidate;
                return true;
            }
        }
        pathway = default;
        return false;
    }

    public static string StageExpectedOf(Pathway pathway) => $"must be a stage of the {Of(pathway)} pathway: {string.Join(", ", StageNames(pathway))}";

    public static string PathwayExpected => $"must be one of {string.Join(", ", Pathways.Select(Of))}";

    public static bool Belongs(Pathway pathway, Stage stage) => StagesOf(pathway).Contains(stage);

    /// <summary>The place of a stage on its pathway's ladder, 0 at the bottom.</summary>
    public static int Rank(Pathway pathway, Stage stage)
    {
        var index = IndexOf(StagesOf(pathway), stage);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(stage), stage, $"Not a stage of the {Of(pathway)} pathway.");
    }

    public static Stage First(Pathway pathway) => StagesOf(pathway)[0];

    /// <summary>The step above, or the same stage at the top.</summary>
    public static Stage Up(Pathway pathway, Stage stage)
    {
        var ladder = StagesOf(pathway);
        return ladder[Math.Min(Rank(pathway, stage) + 1, ladder.Count - 1)];
    }

    /// <summary>The step below, or the same stage at the bottom.</summary>
    public static Stage Down(Pathway pathway, Stage stage) => StagesOf(pathway)[Math.Max(Rank(pathway, stage) - 1, 0)];

    /// <summary>The pathway of a stage that belongs to one only; full training belongs to all, so it says nerve.</summary>
    public static Pathway PathwayOf(Stage stage) => Pathways.First(p => Belongs(p, stage) && (stage != Stage.FullTraining || p == Pathway.Nerve));

    private static int IndexOf(IReadOnlyList<Stage> ladder, Stage stage)
    {
        for (var i = 0; i < ladder.Count; i++)
        {
            if (ladder[i] == stage)
            {
                return i;
            }
        }
        return -1;
    }
}
