using System.CommandLine;
using System.Text;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Spectre.Console;

namespace Nervewise.Cli.Commands;

/// <summary>
/// `nervewise plan DIARY.csv [--stage STAGE] [--json]`: where graded exposure stands and what comes next. A red flag
/// logged after the latest <c>checked</c> row (or at all) means seek-help with its urgency, however old it is.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("DIARY.csv") { Description = "A diary file as shared/spec/diary-csv.md describes." };
        var stage = new Option<string?>("--stage")
        {
            Description = $"The stage the person is in now: {string.Join(", ", RehabNames.Stages)}. By default, read from the latest exercise rows.",
        };
        stage.Validators.Add(result =>
        {
            var given = result.GetValueOrDefault<string?>();
            if (given is not null && !RehabNames.TryParseStage(given, out _))
            {
                result.AddError($"--stage '{given}' is not a stage; it {RehabNames.StageExpected}.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a summary." };
        var command = new Command("plan", "Say where graded exposure stands and whether to progress, hold, step back or seek help.") { file, stage, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var entries = await ReadAsync(path, cancellationToken);
            var settings = parsed.GetValue(stage) is { } name && RehabNames.TryParseStage(name, out var given)
                ? new PlanSettings(Stage: given)
                : PlanSettings.None;
            // A file is read as of its last entry: a diary sent before an appointment is judged as it stood then.
            var asOf = entries.Count > 0 ? entries.MaxBy(e => e.Time.UtcDateTime)!.Time : DateTimeOffset.UnixEpoch;
            var result = PlanEngine.Decide(entries, settings, asOf);
            if (parsed.GetValue(json))
            {
                await output.WriteLineAsync(PlanDocument.From(result).ToJson());
            }
            else
            {
                Summarise(result, output);
            }
            return NervewiseCli.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<DiaryEntry>> ReadAsync(FileInfo path, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            throw new CliInputException($"{path.Name}: no such file.");
        }
        try
        {
            using var reader = new StreamReader(path.FullName, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return DiaryCsv.Read(new StringReader(text));
        }
        catch (DiaryCsvException ex)
        {
            throw new CliInputException(string.Join(Environment.NewLine + "nervewise: ", ex.Errors.Select(e => $"{path.Name}: {e}")));
        }
    }

    private static void Summarise(PlanResult result, TextWriter output)
    {
        // Colour only on a real terminal: never in a pipe, a file or a test.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 1000;
        var rules = RehabRules.Current;
        var stage = rules.For(result.Stage);
        var (headline, colour) = result.Decision switch
        {
            // Red flags win: the first line is what to do, in the words of the safety card and the assessment.
            Decision.SeekHelp => (AssessmentWording.For(result.Safety.Urgency).Headline, "bold red"),
            Decision.Regress => ($"Step back to {rules.For(result.NextStage).Name.ToLowerInvariant()}", "bold darkorange"),
            Decision.Progress => ($"Ready to step up to {rules.For(result.NextStage).Name.ToLowerInvariant()}", "bold green"),
            _ => ($"Stay with {stage.Name.ToLowerInvariant()} for now", "bold"),
        };
        console.MarkupLine($"[{colour}]{Markup.Escape(headline)}[/]");
        var since = result.StageSince is { } s ? $", since {PlanWording.Date(s)}" : "";
        console.WriteLine($"Stage: {RehabNames.Of(result.Stage)} ({stage.Name}{since}){(result.StageFromDiary ? ", read from the diary" : "")}");
        console.WriteLine(result.Decision == Decision.SeekHelp
            ? $"Decision: seek-help (urgency: {Names.Of(result.Safety.Urgency)}); the plan stays at {RehabNames.Of(result.Stage)} until a check is recorded"
            : $"Decision: {RehabNames.Of(result.Decision)}; next stage: {RehabNames.Of(result.NextStage)}");
        console.WriteLine($"Predictability: {PlanWording.Share(result.Predictability.Score)} from {result.Predictability.Basis} comparable {(result.Stage == Stage.Settle ? "days" : "sessions")}");
        console.WriteLine("Why:");
        foreach (var reason in result.Reasons)
        {
            console.WriteLine($"  - {reason}");
        }
        if (result.Decision != Decision.SeekHelp && result.Stage != Stage.FullTraining)
        {
            console.WriteLine($"What unlocks {rules.For(RehabNames.Up(result.Stage)).Name.ToLowerInvariant()}:");
            foreach (var unlock in result.Unlocks)
            {
                console.WriteLine($"  [{(unlock.Met ? "x" : " ")}] {unlock.Name}: {unlock.Progress}");
            }
        }
        console.WriteLine($"Read as of {DiaryTime.Format(result.AsOf)}, the last entry in the file.");
        console.MarkupLine("[dim]This is guidance, not a diagnosis.[/]");
    }
}
