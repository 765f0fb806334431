using System.CommandLine;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Spectre.Console;

namespace Nervewise.Cli.Commands;

/// <summary>`nervewise assess FILE [--json]`: the source assessment of shared/spec/assessment.md from a file.</summary>
internal static class AssessCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The answers: a FHIR R4 QuestionnaireResponse, or a JSON object of linkId to value.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a summary." };
        var command = new Command("assess", "Weigh the likely sources of posterior thigh pain, red flags first.") { file, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var answers = await ReadAnswersAsync(path, cancellationToken);
            var result = AssessmentEngine.Assess(answers);
            if (parsed.GetValue(json))
            {
                await output.WriteLineAsync(AssessmentDocument.From(result).ToJson());
            }
            else
            {
                Summarise(result, output);
            }
            return NervewiseCli.Ok;
        });
        return command;
    }

    private static async Task<AssessmentAnswers> ReadAnswersAsync(FileInfo path, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            throw new CliInputException($"{path.Name}: no such file.");
        }
        if (path.Length > AssessmentInput.MaxBytes)
        {
            throw new CliInputException($"{path.Name}: larger than {AssessmentInput.MaxBytes / 1024} KB; answers are much smaller.");
        }
        try
        {
            return QuestionnaireResponseReader.ParseAnswers(await File.ReadAllTextAsync(path.FullName, cancellationToken));
        }
        catch (AssessmentInputException ex)
        {
            throw new CliInputException(string.Join(Environment.NewLine + "nervewise: ", ex.Errors.Select(e => $"{path.Name}: {e}")));
        }
    }

    private static void Summarise(AssessmentResult result, TextWriter output)
    {
        // Colour only on a real terminal: never in a pipe, a file or a test.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // Let the terminal wrap long lines; Spectre's own wrapping breaks the indented ones.
        console.Profile.Width = 1000;
        var open = result.UnansweredRedFlags;
        var urgency = result.Urgency == Urgency.Routine ? AssessmentWording.Routine([.. open.Select(r => r.Item)]) : AssessmentWording.For(result.Urgency);
        var colour = result.Urgency switch
        {
            Urgency.Emergency or Urgency.Today => "bold red",
            Urgency.Urgent => "bold darkorange",
            Urgency.Soon => "bold yellow",
            _ => "bold green",
        };
        console.MarkupLine($"[{colour}]{Markup.Escape(urgency.Headline)}[/]");
        console.WriteLine(urgency.Instructions);
        if (result.RedFlags.Count > 0)
        {
            console.WriteLine("Because of: " + string.Join("; ", result.RedFlags.Select(r => WarningSigns.Says(r.Item))) + ".");
        }
        console.WriteLine();
        if (open.Count > 0)
        {
            // Each open safety question with what to do should it turn out to be yes; the words are the rules file's.
            console.MarkupLine($"[bold]Safety questions not answered yes or no ({open.Count}):[/]");
            foreach (var group in open.GroupBy(r => r.Urgency).OrderByDescending(g => g.Key))
            {
                console.WriteLine($"  {AssessmentWording.IfYes(group.Key)}:");
                foreach (var flag in group)
                {
                    console.WriteLine($"    - {WarningSigns.Says(flag.Item)}");
                }
            }
            console.WriteLine();
        }

        console.MarkupLine(result.PrimarySource is { } primary
            ? $"[bold]Most likely source:[/] {Markup.Escape(AssessmentWording.For(primary).Name.ToLowerInvariant())}"
            : "[bold]Most likely source:[/] unclear from these answers");
        foreach (var source in result.Sources.OrderByDescending(s => s.Likelihood))
        {
            console.WriteLine($"  {AssessmentWording.Of(source.Level),-9} {source.Likelihood,4:P0}  {AssessmentWording.For(source.Source).Name}");
            if (source.Reasons.Count > 0 && source.Level != Level.Unlikely)
            {
                console.WriteLine($"            because you said: {string.Join("; ", source.Reasons.Take(4).Select(AssessmentWording.Said))}");
            }
        }
        if (result.Mixed)
        {
            console.WriteLine("  More than one source may be involved at once; that is common.");
        }
        console.WriteLine();
        console.WriteLine(AssessmentWording.Of(result.Imaging));
        console.MarkupLine("[dim]This is guidance, not a diagnosis.[/]");
    }
}
