using System.Text;
using Nervewise.Documents.Charts;
using Nervewise.Documents.Pdf;
using Nervewise.Domain.CheckIns;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Reports;
using Nervewise.Domain.Safety;
using Nervewise.Testing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Nervewise.Documents.Tests.Pdf;

/// <summary>
/// The summary PDF of a busy twelve weeks: two pages at most, tagged (structure tree, language, title shown), valid,
/// with its charts as vector forms (no pictures) and its notes and plan changes in it.
/// </summary>
public sealed class SummaryPdfTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Twelve weeks written every day: pain three times, a flare-up twice a week, a weekly check-in, notes.</summary>
    internal static List<DiaryEntry> BusyDiary()
    {
        var diary = new List<DiaryEntry>();
        string[] places = ["buttock", "posterior-thigh", "back-of-knee", "calf"];
        for (var day = 83; day >= 0; day--)
        {
            var at = Now.AddDays(-day).Date.AddHours(8);
            var offset = new DateTimeOffset(at, TimeSpan.Zero);
            for (var time = 0; time < 3; time++)
            {
                diary.Add(DiaryEntry.Create(offset.AddHours(time * 5), EntryType.Pain, places[(day + time) % 4], 2 + ((day + time) % 6), null,
                    time == 0 ? $"Sat at the desk most of the day and walked home; stiff after, eased by evening (day {day})." : ""));
            }
            if (day % 4 == 0)
            {
                diary.Add(DiaryEntry.Create(offset.AddHours(11), EntryType.Flare, "calf", 7, 40, "Long drive, pain down to the calf for about forty minutes."));
            }
            if (day % 7 == 0)
            {
                diary.AddRange(CheckinContent.Current.Areas.Select((a, i) =>
                    DiaryEntry.Create(offset.AddHours(12), EntryType.Checkin, a.AreaId, (day / 7 + i) % 5, null, "")));
            }
        }
        return diary;
    }

    internal static AppointmentReport BusyReport(string who = "Sam Patel")
    {
        var diary = BusyDiary();
        List<AppointmentReport.Dated> notes =
        [
            .. Enumerable.Range(1, 4).Select(i => new AppointmentReport.Dated(Now.AddDays(-7 * i), "Alex Kim",
                "Slump test positive on the right, reproduces the thigh pain; straight leg raise 50 degrees. Keep sliders daily and review in two weeks.")),
        ];
        // More changes than the summary shows, so the cap and its "n more" line are what keep it on two pages.
        List<AppointmentReport.Dated> changes =
        [
            new(Now.AddDays(-20), "clinician", "Moved to the nerve pain pathway, sliders. Agreed pain level set to 4/10 (was 3/10)."),
            new(Now.AddDays(-40), "clinician", "Dose of sciatic nerve sliders set to 10 repetitions, 2 sets."),
            .. Enumerable.Range(1, 18).Select(i => new AppointmentReport.Dated(Now.AddDays(-2 * i - 1), "Alex Kim",
                "Agreed pain level set to 4/10 (was 3/10); sciatic nerve sliders set to 10 repetitions, 2 sets, every other day.")),
        ];
        return AppointmentReport.Build(who, diary, null, null, PlanSettings.None, SafetyState.Of(null, diary, Now), Now,
            period: ReportPeriod.Default(DateOnly.FromDateTime(Now.DateTime)), clinicianNotes: notes, planChanges: changes);
    }

    [Fact]
    public void Twelve_busy_weeks_fit_on_two_pages_and_pass_qpdf_check()
    {
        var report = BusyReport();
        Assert.Equal(AppointmentReport.PlanChangesShown, report.PlanChanges.Count);
        Assert.Equal(20 - AppointmentReport.PlanChangesShown, report.PlanChangesLeftOut);
        var pdf = ReportPdf.Write(report);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.InRange(document.PageCount, 1, 2);
        var (exitCode, output) = Qpdf.Check(pdf);
        Assert.True(exitCode == 0, $"qpdf --check exited {exitCode}:\n{output}");
    }

    [Fact]
    public void The_pdf_is_tagged_with_its_language_and_shows_its_title()
    {
        var pdf = ReportPdf.Write(BusyReport());

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var catalog = document.Internals.Catalog;
        Assert.Equal("en-GB", catalog.Elements.GetString("/Lang"));
        Assert.NotNull(catalog.Elements.GetDictionary("/StructTreeRoot"));
        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.True(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        Assert.Equal("Nervewise summary for Sam Patel", document.Info.Title);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Figure", text, StringComparison.Ordinal);
        Assert.Contains("/H1", text, StringComparison.Ordinal);
        Assert.Contains("/Table", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_charts_are_vector_forms_with_their_descriptions_never_pictures()
    {
        var report = BusyReport();
        var pdf = ReportPdf.Write(report);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var xobjects = document.Pages.Cast<PdfPage>()
            .SelectMany(p => p.Resources.Elements.GetDictionary("/XObject")?.Elements.Values ?? [])
            .Select(v => (v as PdfSharp.Pdf.Advanced.PdfReference)?.Value)
            .OfType<PdfDictionary>()
            .ToList();
        Assert.Equal(3, xobjects.Count);
        Assert.All(xobjects, x => Assert.Equal("/Form", x.Elements.GetName("/Subtype")));
        Assert.Equal(["pain", "reach", "checkins"], SummaryCharts.For(report).Select(c => c.Id));
        Assert.DoesNotContain("/Subtype/Image", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }
}
