using Nervewise.Documents.Pdf;
using System.CommandLine;
using System.Text;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using Nervewise.Domain.Safety;

namespace Nervewise.Cli.Commands;

/// <summary>`nervewise report DIARY.csv -o FILE`: a summary for an appointment, as PDF (.pdf) or Markdown (anything else).</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("DIARY.csv") { Description = "A diary file as shared/spec/diary-csv.md describes." };
        var to = new Option<FileInfo>("--output", "-o")
        {
            Description = "Where to write it: a .pdf file gets a PDF, any other name Markdown text.",
            Required = true,
        };
        var command = new Command("report", "Write a summary for an appointment: pain over time, flare-ups, likely triggers, stage.") { file, to };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var entries = await TriggersCommand.ReadAsync(path, cancellationToken);
            // A diary file holds no assessment and no settings: the stage comes from its exercise rows, and the safety
            // state from its red-flag symptom and checked rows, as `nervewise plan` reads it.
            var now = DateTimeOffset.UtcNow;
            var report = AppointmentReport.Build(
                Path.GetFileNameWithoutExtension(path.Name), entries, null, null, PlanSettings.None, SafetyState.Of(null, entries, now), now);
            var target = parsed.GetValue(to)!;
            var bytes = target.Extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase)
                ? ReportPdf.Write(report)
                : new UTF8Encoding(false).GetBytes(report.ToMarkdown());
            // Written beside the target, then moved: a failed report never leaves half a file.
            var temporary = target.FullName + ".partial";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, target.FullName, overwrite: true);
            await output.WriteLineAsync($"Wrote the report for {entries.Count} diary entries to {target.Name}.");
            return NervewiseCli.Ok;
        });
        return command;
    }
}
