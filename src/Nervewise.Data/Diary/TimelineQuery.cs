using Microsoft.EntityFrameworkCore;
using Nervewise.Domain.Diary;

namespace Nervewise.Data.Diary;

/// <summary>
/// The timeline page's one read: a person's pain and flare-up rows since an instant, only the columns the page
/// draws from, untracked, compiled once. The rows go straight into a <see cref="Timeline.Tally"/>, with no entry
/// object made for each.
/// </summary>
public static class TimelineQuery
{
    // Stored type names (DiaryVocabulary.Name); constants, so the SQL holds them rather than parameters.
    private const string Pain = "pain";
    private const string Flare = "flare";

    /// <summary>One row as the page needs it: when, in which offset, whether a flare-up, where, how bad.</summary>
    public readonly record struct Row(DateTimeOffset OccurredAt, int OffsetMinutes, bool IsFlare, string Item, decimal? Value)
    {
        /// <summary>The date the entry was written on, in its own offset (for a reader with no zone chosen).</summary>
        public DateOnly OwnDate => DateOnly.FromDateTime(OccurredAt.UtcDateTime.AddMinutes(OffsetMinutes));
    }

    private static readonly PerEngine<Func<NervewiseDbContext, string, DateTimeOffset, IAsyncEnumerable<Row>>> Since =
        PerEngine.Compile(() => EF.CompileAsyncQuery((NervewiseDbContext db, string userId, DateTimeOffset since) =>
            db.DiaryEntries.AsNoTracking()
                .Where(e => e.UserId == userId && e.OccurredAt >= since && (e.Type == Pain || e.Type == Flare))
                .Select(e => new Row(e.OccurredAt, e.OffsetMinutes, e.Type == Flare, e.Item, e.Value))));

    /// <summary>
    /// Counts a person's days from <paramref name="from"/> to <paramref name="to"/>, reading rows from
    /// <paramref name="since"/> on; <paramref name="dateOf"/> gives the reader's date of an instant, or null for each
    /// entry's own date.
    /// </summary>
    public static async Task<IReadOnlyList<Timeline.Day>> DaysAsync(
        NervewiseDbContext db, string userId, DateTimeOffset since, DateOnly from, DateOnly to,
        Func<DateTimeOffset, DateOnly>? dateOf, CancellationToken cancellationToken = default)
    {
        var tally = new Timeline.Tally(from, to);
        await foreach (var row in Since.For(db)(db, userId, since.ToUniversalTime()).WithCancellation(cancellationToken))
        {
            tally.Add(dateOf is null ? row.OwnDate : dateOf(row.OccurredAt), row.IsFlare, row.Value, row.Item);
        }
        return tally.Days();
    }
}
