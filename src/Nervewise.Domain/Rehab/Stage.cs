namespace Nervewise.Domain.Rehab;

/// <summary>The steps of graded exposure, in order (shared/spec/cli.md). Never rename; the order is the ladder.</summary>
public enum Stage
{
    Settle,
    GeneralMovement,
    Sliders,
    Tensioners,
    Provocation,
    FullTraining,
}

/// <summary>What the plan says to do next.</summary>
public enum Decision
{
    Progress,
    Hold,
    Regress,
    SeekHelp,
}

/// <summary>The contract's spelling of stages and decisions: lowercase, words joined by hyphens.</summary>
public static class RehabNames
{
    public static readonly IReadOnlyList<string> Stages = [.. Enum.GetValues<Stage>().Select(Of)];

    public static string Of(Stage stage) => stage switch
    {
        Stage.Settle => "settle",
        Stage.GeneralMovement => "general-movement",
        Stage.Sliders => "sliders",
        Stage.Tensioners => "tensioners",
        Stage.Provocation => "provocation",
        Stage.FullTraining => "full-training",
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

    /// <summary>Reads a stage exactly as the contract spells it; anything else is refused.</summary>
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

    public static string StageExpected => $"must be one of {string.Join(", ", Stages)}";

    /// <summary>The step above, or the same stage at the top.</summary>
    public static Stage Up(Stage stage) => stage == Stage.FullTraining ? stage : stage + 1;

    /// <summary>The step below, or the same stage at the bottom.</summary>
    public static Stage Down(Stage stage) => stage == Stage.Settle ? stage : stage - 1;
}
