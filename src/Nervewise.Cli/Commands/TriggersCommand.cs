using System.CommandLine;
using System.Text;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Triggers;
using Spectre.Console;

namespace Nervewise.Cli.Commands;

/// <summary>`nervewise triggers DIARY.csv [--json]`: what tends to come before flare-ups, with delays up to 48 hours.</summary>
internal static class TriggersCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("DIARY.csv") { Description = "A diary file as shared/spec/diary-csv.md describes." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a summary." };
        var command = new Command("triggers", "Look for what tends to come before flare-ups, allowing for delays of up to 48 hours.") { file, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var entries = await ReadAsync(parsed.GetValue(file)!, cancellationToken);
            var report = TriggerAnalysis.Analyse(entries);
            if (parsed.GetValue(json))
            {
                await output.WriteLineAsync(TriggerDocument.From(report).ToJson());
            }
            else
            {
                Summarise(report, output);
            }
            return NervewiseCli.Ok;
        });
        return command;
    }

    /// <summary>Reads the whole diary or refuses it, naming every bad line and column (exit 2).</summary>
    internal static async Task<IReadOnlyList<DiaryEntry>> ReadAsync(FileInfo path, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            throw new CliInputException($"{path.Name}: no such file.");
        }
        try
        {
            using var reader = DiaryCsv.OpenReader(File.OpenRead(path.FullName));
            return await Task.Run(() => DiaryCsv.Read(reader), cancellationToken);
        }
        catch (DiaryCsvException ex)
        {
            throw new CliInputException(string.Join(Environment.NewLine + "nervewise: ", ex.Errors.Select(e => $"{path.Name}: {e}")));
        }
    }

    private static void Summarise(TriggerReport report, TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 1000;
        console.MarkupLine($"[bold]What came before flare-ups[/]: {report.Flares} flare-ups over {report.Days} days ({report.DaysLogged} with entries); {report.Tests} checks of an exposure, dose and delay.");
        // The same lines, counts and ranges as the page, the report and the PDF: one line per exposure.
        var found = report.Headlines();
        if (found.Count > 0)
        {
            console.WriteLine();
            foreach (var finding in found)
            {
                console.WriteLine($"  {finding.Summary}");
                console.MarkupLine($"[dim]    {Markup.Escape(TriggerWording.Counts(finding, report.Flares, TriggerRules.Current))} {Markup.Escape(TriggerWording.Range(finding))} q {(finding.Q < 0.001 ? "< 0.001" : $"= {finding.Q:0.###}")}.[/]");
            }
        }
        var hints = report.Hints();
        if (hints.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Worth watching, not yet clear:");
            foreach (var hint in hints)
            {
                console.WriteLine($"  {hint.Summary}");
            }
        }
        if (report.Message is { } message)
        {
            console.WriteLine();
            console.WriteLine(message);
        }
        foreach (var pair in report.Together)
        {
            console.WriteLine(pair.Summary);
        }
        foreach (var notChecked in report.NotChecked)
        {
            console.WriteLine(notChecked.Words);
        }
        console.WriteLine();
        console.MarkupLine($"[dim]{Markup.Escape(TriggerWording.NotADiagnosis)}[/]");
    }
}
