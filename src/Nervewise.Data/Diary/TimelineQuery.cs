using Microsoft.EntityFrameworkCore;
using Nervewise.Domain.Diary;

namespace Nervewise.Data.Diary;

/// <summary>
/// The timeline page's one read: a person's pain and flare-up rows since an instant, only the columns the page
/// draws from, which the diary's index holds (so the rows come from the index alone). The rows go straight into a
/// <see cref="Timeline.Tally"/>, with no entry object made for each.
/// </summary>
/// <remarks>
/// Plain SQL on the context's connection, not an EF Core query: with the index covering it, EF Core's work for each
/// row and each run was most of the read (docs/performance.md, round 5). The SQL is the same on both engines; only
/// the time column differs (SQLite keeps it as a sortable number, ADR 0004), converted by the model's own converter.
/// </remarks>
public static class TimelineQuery
{
    // Stored type names (DiaryVocabulary.Name); constants, so the SQL holds them rather than parameters.
    internal const string Sql = """
        SELECT "OccurredAt", "OffsetMinutes", "Type" = 'flare', "Item", "Value"
        FROM "DiaryEntries"
        WHERE "UserId" = @userId AND "OccurredAt" >= @since AND "Type" IN ('pain', 'flare')
        """;

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
        var sqlite = db is SqliteNervewiseDbContext;
        // The request's connection if the session check has opened it (ADR 24); EF Core closes it only if opened here.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.CreateCommand(Sql);
            command.AddParameter("userId", userId);
            command.AddParameter("since", DbCommands.StoredTime(since, sqlite));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var occurredAt = reader.GetTime(0, sqlite);
                var date = dateOf is null
                    ? DateOnly.FromDateTime(occurredAt.UtcDateTime.AddMinutes(reader.GetInt32(1)))
                    : dateOf(occurredAt);
                tally.Add(date, reader.GetBoolean(2), reader.IsDBNull(4) ? null : reader.GetDecimal(4), reader.GetString(3));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return tally.Days();
    }
}
