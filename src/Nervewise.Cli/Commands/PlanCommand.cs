using System.CommandLine;
using System.Text;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Spectre.Console;

namespace Nervewise.Cli.Commands;

/// <summary>
/// `nervewise plan DIARY.csv [--pathway PATHWAY] [--stage STAGE] [--json]`: where graded exposure stands on the
/// person's pathway and what comes next. A red flag logged after the latest <c>checked</c> row (or at all) means
/// seek-help with its urgency, however old it is.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("DIARY.csv") { Description = "A diary file as shared/spec/diary-csv.md describes." };
        var pathway = new Option<string?>("--pathway")
        {
            Description = $"The pathway the person is on: {string.Join(", ", RehabNames.Pathways.Select(RehabNames.Of))}. By default, read from the latest exercise rows (none: nerve).",
        };
        pathway.Validators.Add(result =>
        {
            var given = result.GetValueOrDefault<string?>();
            if (given is not null && !RehabNames.TryParsePathway(given, out _))
            {
                result.AddError($"--pathway '{given}' is not a pathway; it {RehabNames.PathwayExpected}.");
            }
        });
        var stage = new Option<string?>("--stage")
        {
            Description = "The stage the person is in now, a stage of the pathway (see --help of the contract). By default, read from the latest exercise rows.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a summary." };
        var command = new Command("plan", "Say where graded exposure stands and whether to progress, hold, step back or seek help.") { file, pathway, stage, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var entries = await ReadAsync(path, cancellationToken);
            var settings = Settings(parsed.GetValue(pathway), parsed.GetValue(stage), entries);
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

    /// <summary>
    /// Where the person is now: --pathway and --stage as given; a missing pathway is the diary's (none: nerve); a
    /// stage that is not a stage of that pathway is refused with the valid ones listed.
    /// </summary>
    private static PlanSettings Settings(string? pathwayName, string? stageName, IReadOnlyList<DiaryEntry> entries)
    {
        Pathway? chosen = pathwayName is not null && RehabNames.TryParsePathway(pathwayName, out var given) ? given : null;
        if (stageName is null)
        {
            return new PlanSettings(Pathway: chosen);
        }
        var pathway = chosen ?? StageMap.Latest(entries, RehabRules.Current)?.Pathway ?? Pathway.Nerve;
        if (!RehabNames.TryParseStage(stageName, pathway, out var stage))
        {
            var valid = string.Join("; ", RehabNames.Pathways.Select(p => $"{RehabNames.Of(p)}: {string.Join(", ", RehabNames.StageNames(p))}"));
            throw new CliInputException(chosen is null
                ? $"--stage '{stageName}' is not a stage of the {RehabNames.Of(pathway)} pathway the diary is on; it {RehabNames.StageExpectedOf(pathway)}. Give --pathway for another ({valid})."
                : $"--stage '{stageName}' is not a stage of the {RehabNames.Of(pathway)} pathway; it {RehabNames.StageExpectedOf(pathway)}.");
        }
        return new PlanSettings(Stage: stage, Pathway: pathway);
    }

    private static async Task<IReadOnlyList<DiaryEntry>> ReadAsync(FileInfo path, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            throw new CliInputException($"{path.Name}: no such file.");
        }
        try
        {
            using var reader = DiaryCsv.OpenReader(File.OpenRead(path.FullName));
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
        var stage = rules.For(result.Pathway, result.Stage);
        var (headline, colour) = result.Decision switch
        {
            // Red flags win: the first line is what to do, in the words of the safety card and the assessment.
            Decision.SeekHelp => (AssessmentWording.For(result.Safety.Urgency).Headline, "bold red"),
            Decision.Regress => ($"Step back to {rules.For(result.Pathway, result.NextStage).Name.ToLowerInvariant()}", "bold darkorange"),
            Decision.Progress => ($"Ready to step up to {rules.For(result.Pathway, result.NextStage).Name.ToLowerInvariant()}", "bold green"),
            _ => ($"Stay with {stage.Name.ToLowerInvariant()} for now", "bold"),
        };
        console.MarkupLine($"[{colour}]{Markup.Escape(headline)}[/]");
        var since = result.StageSince is { } s ? $", since {PlanWording.Date(s)}" : "";
        console.WriteLine($"Pathway: {RehabNames.Of(result.Pathway)} ({rules.For(result.Pathway).Name})");
        console.WriteLine($"Stage: {RehabNames.Of(result.Stage)} ({stage.Name}{since}){(result.StageFromDiary ? ", read from the diary" : "")}");
        console.WriteLine(result.Decision == Decision.SeekHelp
            ? $"Decision: seek-help (urgency: {Names.Of(result.Safety.Urgency)}); the plan stays at {RehabNames.Of(result.Stage)} until a check is recorded"
            : $"Decision: {RehabNames.Of(result.Decision)}{(result.Moves is { } next ? $"; next stage: {RehabNames.Of(next)}" : "")}");
        console.WriteLine($"Predictability: {PlanWording.Share(result.Predictability.Score)} from {result.Predictability.Basis} comparable {(result.Stage == Stage.Settle ? "days" : "sessions")}");
        console.WriteLine("Why:");
        foreach (var reason in result.Reasons)
        {
            console.WriteLine($"  - {reason}");
        }
        foreach (var idea in result.Ideas)
        {
            console.WriteLine($"  Idea to try: {idea}");
        }
        foreach (var note in (string?[])[result.PathwayNote, .. result.Personal.Notes])
        {
            if (note is not null)
            {
                console.WriteLine($"Note: {note}");
            }
        }
        if (result.Decision != Decision.SeekHelp && result.Stage != Stage.FullTraining)
        {
            console.WriteLine($"What unlocks {rules.For(result.Pathway, RehabNames.Up(result.Pathway, result.Stage)).Name.ToLowerInvariant()}:");
            foreach (var unlock in result.Unlocks)
            {
                console.WriteLine($"  [{(unlock.Met ? "x" : " ")}] {unlock.Name}: {unlock.Progress}");
            }
        }
        console.WriteLine($"Read as of {DiaryTime.Format(result.AsOf)}, the last entry in the file.");
        console.MarkupLine("[dim]This is guidance, not a diagnosis.[/]");
    }
}
