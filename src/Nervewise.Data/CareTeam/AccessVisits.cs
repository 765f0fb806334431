namespace Nervewise.Data.CareTeam;

/// <summary>
/// The access log as a person reads it: a clinician opening the record, its summary and the PDF in one sitting writes
/// several rows within minutes, which read as noise. A visit gathers one clinician's reads that begin within an hour
/// of the visit's first read; every row stays listed under it.
/// </summary>
public static class AccessVisits
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <param name="Opened">What was opened, each once, in the order first opened, with how many times ("record, 3 times").</param>
    /// <param name="Rows">Every read in the visit, newest first, as the complete log shows them.</param>
    public sealed record Visit(string Clinician, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Opened, IReadOnlyList<CareTeamStore.AccessView> Rows);

    /// <summary>Visits, newest first, from reads in any order.</summary>
    public static List<Visit> Of(IEnumerable<CareTeamStore.AccessView> reads)
    {
        var visits = new List<List<CareTeamStore.AccessView>>();
        var open = new Dictionary<string, List<CareTeamStore.AccessView>>(StringComparer.Ordinal);
        foreach (var read in reads.OrderBy(r => r.At))
        {
            var key = read.ClinicianKey.Length > 0 ? read.ClinicianKey : read.ClinicianEmail;
            if (open.TryGetValue(key, out var visit) && read.At - visit[0].At < Length)
            {
                visit.Add(read);
                continue;
            }
            open[key] = [read];
            visits.Add(open[key]);
        }
        return
        [
            .. visits
                .Select(v => new Visit(
                    v[0].Clinician.Length > 0 ? v[0].Clinician : v[0].ClinicianEmail, v[0].At, v[^1].At, Opened(v),
                    [.. Enumerable.Reverse(v)]))
                .OrderByDescending(v => v.From),
        ];
    }

    private static List<string> Opened(List<CareTeamStore.AccessView> reads) =>
    [
        .. reads.GroupBy(r => r.What, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key}, {g.Count()} times"),
    ];
}
