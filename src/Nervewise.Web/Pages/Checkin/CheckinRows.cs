using Nervewise.Data.Diary;
using Nervewise.Domain.CheckIns;

namespace Nervewise.Web.Pages.Checkin;

/// <summary>
/// The diary list shows a check-in as one entry: its rows (one per area, as the CSV contract keeps them) share one
/// time, so rows next to each other with the same time become one item. Every other entry stays an item of its own.
/// </summary>
public static class CheckinRows
{
    public static IReadOnlyList<IReadOnlyList<DiaryEntryRecord>> Items(IEnumerable<DiaryEntryRecord> rows)
    {
        var items = new List<List<DiaryEntryRecord>>();
        foreach (var row in rows)
        {
            if (row.Type == "checkin" && items.Count > 0 && items[^1][0] is { Type: "checkin" } previous && previous.OccurredAt == row.OccurredAt)
            {
                items[^1].Add(row);
            }
            else
            {
                items.Add([row]);
            }
        }
        return items;
    }

    /// <summary>What the one line says: "Check-in: 10 areas rated, highest Stress 3/4".</summary>
    public static string Describe(IReadOnlyList<DiaryEntryRecord> rows)
    {
        var areas = CheckinContent.Current.Areas;
        var highest = rows.OrderByDescending(r => r.Value).ThenBy(r => areas.ToList().FindIndex(a => a.AreaId == r.Item)).First();
        var count = rows.Count == 1 ? "1 area rated" : $"{rows.Count} areas rated";
        return $"Check-in: {count}, highest {Label(highest.Item)} {highest.Value:0}/4";
    }

    /// <summary>An area's label, as the check-in page names it.</summary>
    public static string Label(string area) =>
        CheckinContent.Current.Areas.FirstOrDefault(a => a.AreaId == area)?.Label ?? area;

    /// <summary>The answers in the order the check-in asks them.</summary>
    public static IEnumerable<DiaryEntryRecord> InOrder(IReadOnlyList<DiaryEntryRecord> rows)
    {
        var order = CheckinContent.Current.Areas.Select(a => a.AreaId).ToList();
        return rows.OrderBy(r => order.IndexOf(r.Item) is var i and >= 0 ? i : int.MaxValue);
    }
}
