using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using PdfSharp.Pdf.IO;

namespace Nervewise.Domain.Tests.Reports;

public sealed class AppointmentReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly DiaryEntry[] Diary =
    [
        DiaryEntry.Create(Now.AddDays(-9), EntryType.Pain, "posterior-thigh", 4, null, ""),
        DiaryEntry.Create(Now.AddDays(-8), EntryType.Pain, "calf", 6, null, ""),
        DiaryEntry.Create(Now.AddDays(-8).AddHours(2), EntryType.Flare, "calf", 7, 30, ""),
        DiaryEntry.Create(Now.AddDays(-1), EntryType.Pain, "buttock", 2, null, ""),
    ];

    [Fact]
    public void It_sums_pain_by_week_and_lists_the_flare_ups()
    {
        var report = AppointmentReport.Build("pat@example.com", Diary, null, null, PlanSettings.None, Now);

        Assert.Equal(AppointmentReport.WeeksShown, report.Weeks.Count);
        // 15 November is a Sunday: its pain of 4 belongs to the week of the 9th. On the 16th the pain was 6 and a
        // flare-up reached 7, so that day's worst, and the week's average worst, is 7.
        Assert.Equal(4m, Assert.Single(report.Weeks, w => w.Monday == new DateOnly(2026, 11, 9)).AverageWorst);
        var week = Assert.Single(report.Weeks, w => w.Monday == new DateOnly(2026, 11, 16));
        Assert.Equal(7m, week.AverageWorst);
        Assert.Equal(1, week.Flares);
        Assert.Equal(1, report.Flares);
        Assert.Contains("reaching the calf", report.RecentFlares[0], StringComparison.Ordinal);
        Assert.Equal(["No assessment yet."], report.Assessment);
        Assert.StartsWith("Settle", report.Stage, StringComparison.Ordinal);
        Assert.StartsWith("Nothing that could come before a flare-up", report.Triggers[0], StringComparison.Ordinal); // no exposures logged: it says so
    }

    [Fact]
    public void The_markdown_has_every_section()
    {
        var text = AppointmentReport.Build("pat@example.com", Diary, null, null, PlanSettings.None, Now).ToMarkdown();
        foreach (var heading in new[] { "## Assessment", "## Pain over the last 12 weeks", "## Flare-ups: 1", "## What tends to come before flare-ups", "## Rehab stage" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_pdf_is_an_a4_document_that_opens()
    {
        var bytes = ReportPdf.Write(AppointmentReport.Build("pat@example.com", Diary, null, null, PlanSettings.None, Now));

        using var stream = new MemoryStream(bytes);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Equal(595, document.Pages[0].Width.Point, 0);
        Assert.Equal(842, document.Pages[0].Height.Point, 0);
        Assert.Equal("Nervewise summary for pat@example.com", document.Info.Title);
    }
}
