using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        var seen = new SeenCommands();
        await using (var db = new SqliteNervewiseDbContext((DbContextOptions<SqliteNervewiseDbContext>)DataServices
            .Configure(database.Settings, new DbContextOptionsBuilder<SqliteNervewiseDbContext>())
            .AddInterceptors(seen).Options))
        {
            var today = new DateOnly(2026, 11, 29);
            await TimelineQuery.DaysAsync(db, "someone", DateTimeOffset.UtcNow.AddDays(-84), today.AddDays(-83), today, null);
        }

        var read = Assert.Single(seen.Commands);
        await using var connection = new SqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + read.Text;
        foreach (var (name, value) in read.Parameters)
        {
            explain.Parameters.AddWithValue(name, value);
        }
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        Assert.Equal(["SEARCH d USING COVERING INDEX IX_DiaryEntries_UserId_OccurredAt_Type_OffsetMinutes_Item_Value (UserId=? AND OccurredAt>?)"], plan);
    }

    private sealed class SeenCommands : DbCommandInterceptor
    {
        public List<(string Text, List<(string Name, object Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }
}
