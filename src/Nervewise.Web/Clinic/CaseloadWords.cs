using Nervewise.Domain.Clinic;

namespace Nervewise.Web.Clinic;

/// <summary>The caseload's filters and orders as the page names them and as its address spells them.</summary>
public static class CaseloadWords
{
    private static readonly (CaseloadFilter Filter, string Slug)[] Filters =
    [
        (CaseloadFilter.All, "all"),
        (CaseloadFilter.WarningSigns, "warning-signs"),
        (CaseloadFilter.FlaresThisWeek, "flare-ups"),
        (CaseloadFilter.NoImprovement, "no-improvement"),
        (CaseloadFilter.NotSeen, "not-seen"),
    ];

    private static readonly (CaseloadSort Sort, string Slug)[] Sorts =
    [
        (CaseloadSort.Need, "need"),
        (CaseloadSort.Name, "name"),
        (CaseloadSort.LastEntry, "last-entry"),
    ];

    public static IEnumerable<CaseloadFilter> AllFilters => Filters.Select(f => f.Filter);

    public static IEnumerable<CaseloadSort> AllSorts => Sorts.Select(s => s.Sort);

    public static string Slug(CaseloadFilter filter) => Filters.Single(f => f.Filter == filter).Slug;

    public static string Slug(CaseloadSort sort) => Sorts.Single(s => s.Sort == sort).Slug;

    /// <summary>The filter an address names; <see cref="CaseloadFilter.All"/> when it names none, null when it names one that does not exist.</summary>
    public static CaseloadFilter? Filter(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? CaseloadFilter.All
        : Filters.Where(f => string.Equals(f.Slug, slug.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => (CaseloadFilter?)f.Filter).FirstOrDefault();

    /// <summary>The order an address names; by need when it names none, null when it names one that does not exist.</summary>
    public static CaseloadSort? Sort(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? CaseloadSort.Need
        : Sorts.Where(s => string.Equals(s.Slug, slug.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (CaseloadSort?)s.Sort).FirstOrDefault();

    public static string Label(CaseloadFilter filter) => filter switch
    {
        CaseloadFilter.WarningSigns => "Warning signs",
        CaseloadFilter.FlaresThisWeek => $"Flare-ups in the last {Caseload.Current.FlaresThisWeekDays.Value} days",
        CaseloadFilter.NoImprovement => $"No improvement in {Caseload.Current.NoImprovementWeeks.Value} weeks",
        CaseloadFilter.NotSeen => $"Not seen in {Caseload.Current.NotSeenDays.Value} days",
        _ => "Everyone",
    };

    public static string Label(CaseloadSort sort) => sort switch
    {
        CaseloadSort.Name => "Name",
        CaseloadSort.LastEntry => "Last entry",
        _ => "Need",
    };
}
