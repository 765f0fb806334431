using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nervewise.Domain.Reports;

namespace Nervewise.Web.Reports;

/// <summary>
/// The dates the reader chose for a summary, read once for the page and its PDF: the period, or a problem naming the
/// field, in which case the page shows the default twelve weeks under the error and the PDF is refused.
/// </summary>
public sealed record ReportPeriodForm(string Path, ReportPeriod Period, DateOnly? From, DateOnly? To, bool Chosen)
{
    public static ReportPeriodForm Read(string path, DateOnly? from, DateOnly? to, DateOnly today, ModelStateDictionary modelState)
    {
        if (!modelState.IsValid)
        {
            return new(path, ReportPeriod.Default(today), from, to, false);
        }
        var (period, field, problem) = ReportPeriod.Read(from, to, today);
        if (period is null)
        {
            modelState.AddModelError(field!, problem!);
            return new(path, ReportPeriod.Default(today), from, to, false);
        }
        return new(path, period.Value, from, to, from is not null || to is not null);
    }

    /// <summary>The PDF of the same dates.</summary>
    public string PdfHref => Chosen
        ? $"{Path}?handler=Pdf&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}"
        : $"{Path}?handler=Pdf";
}
