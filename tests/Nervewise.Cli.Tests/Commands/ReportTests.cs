using Nervewise.Simulation;
using Nervewise.Testing;

namespace Nervewise.Cli.Tests.Commands;

/// <summary>`nervewise report DIARY.csv -o FILE` as shared/spec/cli.md describes it.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nervewise-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Diary()
    {
        var path = Path.Combine(_folder, "diary.csv");
        File.WriteAllText(path, SyntheticDiary.Csv(new DiaryScenario(240, 60, PlantedTrigger.Catalogue(10)[0], 3)));
        return path;
    }

    [Fact]
    public async Task A_pdf_name_gets_a_pdf()
    {
        var target = Path.Combine(_folder, "summary.pdf");
        var run = await CliRun.Of("report", Diary(), "-o", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("summary.pdf", run.Output, StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(target)[..5]);
        Assert.False(File.Exists(target + ".partial"));
        var (exitCode, output) = Qpdf.Check(File.ReadAllBytes(target));
        Assert.True(exitCode == 0, $"qpdf --check exited {exitCode}:\n{output}");
    }

    [Fact]
    public async Task A_diary_file_name_with_markup_is_escaped_in_the_pdf_s_xmp_metadata()
    {
        // The report is named after the diary file, which may be called anything.
        var diary = Path.Combine(_folder, "<svg onload=alert(1)>.csv");
        File.Copy(Diary(), diary);
        var target = Path.Combine(_folder, "summary.pdf");

        Assert.Equal(0, (await CliRun.Of("report", diary, "-o", target)).ExitCode);

        var pdf = File.ReadAllBytes(target);
        var text = System.Text.Encoding.UTF8.GetString(pdf);
        var packet = text[text.IndexOf("<?xpacket begin", StringComparison.Ordinal)..text.IndexOf("<?xpacket end", StringComparison.Ordinal)];
        Assert.Contains("Nervewise summary for &lt;svg onload=alert(1)&gt;</rdf:li>", packet, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", packet, StringComparison.Ordinal);
        var (exitCode, output) = Qpdf.Check(pdf);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Any_other_name_gets_markdown_with_the_trigger_and_the_stage()
    {
        var target = Path.Combine(_folder, "summary.md");
        Assert.Equal(0, (await CliRun.Of("report", Diary(), "-o", target)).ExitCode);

        var text = File.ReadAllText(target);
        Assert.Contains("## What tends to come before flare-ups", text, StringComparison.Ordinal);
        Assert.Contains("sitting", text, StringComparison.Ordinal); // the planted trigger
        Assert.Contains("## Rehab stage", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_in_the_diary_puts_warning_signs_first_and_pauses_the_stage_until_a_checked_row()
    {
        // Logged long ago and never checked: it still counts (red flags do not expire).
        var lines = File.ReadAllText(Diary()) + "2025-01-10T08:00:00+00:00,symptom,bladder-bowel-change,1,,\n";
        var diary = Path.Combine(_folder, "flagged.csv");
        File.WriteAllText(diary, lines);
        var target = Path.Combine(_folder, "flagged.md");

        Assert.Equal(0, (await CliRun.Of("report", diary, "-o", target)).ExitCode);

        var text = File.ReadAllText(target);
        var warnings = text.IndexOf("## Warning signs", StringComparison.Ordinal);
        Assert.True(warnings >= 0 && warnings < text.IndexOf("## Assessment", StringComparison.Ordinal), text);
        Assert.Contains("**Go to an emergency department now**", text, StringComparison.Ordinal);
        Assert.Contains("(logged in the diary on 10 Jan 2025)", text, StringComparison.Ordinal);
        Assert.Contains(": exercises are paused until a doctor has seen the person", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stay at this stage", text, StringComparison.Ordinal);

        var pdf = Path.Combine(_folder, "flagged.pdf");
        Assert.Equal(0, (await CliRun.Of("report", diary, "-o", pdf)).ExitCode);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(pdf)[..5]);

        File.AppendAllText(diary, "2025-02-01T09:00:00+00:00,checked,red-flags,,,seen at the clinic\n");
        Assert.Equal(0, (await CliRun.Of("report", diary, "-o", target)).ExitCode);
        Assert.DoesNotContain("## Warning signs", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_diary_names_its_line_and_writes_nothing()
    {
        var diary = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(diary, "time,type,item,value,duration_minutes,note\n2026-03-01T09:00:00+01:00,pain,calf,11,,\n");
        var target = Path.Combine(_folder, "summary.pdf");

        var run = await CliRun.Of("report", diary, "-o", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv: line 2", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Without_an_output_file_it_is_wrong_input()
    {
        Assert.Equal(2, (await CliRun.Of("report", Diary())).ExitCode);
    }
}
