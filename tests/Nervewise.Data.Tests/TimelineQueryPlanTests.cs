using Microsoft.Data.Sqlite;
using Nervewise.Data.Diary;
using Nervewise.Testing;

namespace Nervewise.Data.Tests;

/// <summary>
/// The timeline's read is answered from the diary's index alone: it costs a few index pages for a person's weeks,
/// where a lookup of each row was the largest part of the page's time (docs/performance.md, round 5). A column added
/// to the read but not to the index would quietly undo that; this fails instead.
/// </summary>
public sealed class TimelineQueryPlanTests
{
    [Fact]
    public async Task The_timeline_reads_only_the_diary_index_on_SQLite()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = new SqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + TimelineQuery.Sql;
        explain.Parameters.AddWithValue("@userId", "someone");
        explain.Parameters.AddWithValue("@since", 0L);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        Assert.Equal(["SEARCH DiaryEntries USING COVERING INDEX IX_DiaryEntries_UserId_OccurredAt_Type_OffsetMinutes_Item_Value (UserId=? AND OccurredAt>?)"], plan);
    }
}
