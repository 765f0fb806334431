using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Testing;

namespace Nervewise.Durability.Tests;

// The two engines take turns: each kill and start is timed, and two cores shared by two servers would blur it.
[CollectionDefinition(nameof(KillDuringWritesTests), DisableParallelization = true)]
public sealed class TakeTurns;

[Collection(nameof(KillDuringWritesTests))]
public sealed class KillDuringWritesTestsOnSqlite(ITestOutputHelper output) : KillDuringWritesTests(DatabaseProvider.Sqlite, output);

// The PostgreSQL server of test.sh runs with fsync off. That does not weaken this test: it kills the app,
// never the database server, so every commit the app saw has reached PostgreSQL and stays there.
[Collection(nameof(KillDuringWritesTests))]
public sealed class KillDuringWritesTestsOnPostgres(ITestOutputHelper output) : KillDuringWritesTests(DatabaseProvider.Postgres, output);

/// <summary>
/// Kills the server (SIGKILL) again and again while several writers post diary entries, starts it again each
/// time, and then checks that every entry that was acknowledged with a 2xx is stored, once, as it was sent.
/// </summary>
public abstract class KillDuringWritesTests(DatabaseProvider provider, ITestOutputHelper output)
{
    private const int Writers = 4;
    private const int MidWriteKills = 6;

    // The first start is killed while it migrates a database with no schema (SQLite: inside a migration, holding EF
    // Core's lock row, which a kill leaves behind); a start that finds the schema current does no migration work, so
    // only a real migration can be interrupted. After this round a restart is killed at a random moment of the start.
    private const int KillAtRandomInStartAfterRound = 4;

    [Fact]
    public async Task Every_acknowledged_entry_is_there_after_repeated_kills_mid_write()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random();
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        using var server = new Server(database.Settings);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        }) { Timeout = TimeSpan.FromSeconds(30) };

        // The first start migrates the empty database and is killed while it does; the next must finish the job.
        var locksLeft = await KillWhileMigratingAsync(server, database, random);
        await server.StartAsync();
        var session = await Session.RegisterAsync(http, server, "durable@example.com");
        var load = WriteLoad.Start(session, Writers);
        var inFlightAtKills = new List<int>();
        try
        {
            for (var round = 1; round <= MidWriteKills; round++)
            {
                // Let a random amount of work through, then kill while a request is on its way.
                await load.WaitForAcknowledgedAsync(random.Next(20, 80), Server.StartPatience);
                inFlightAtKills.Add(await load.WaitForInFlightAsync());
                server.Kill();

                if (round == KillAtRandomInStartAfterRound)
                {
                    server.Launch();
                    await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * server.TypicalStart.TotalMilliseconds));
                    server.Kill();
                }

                await server.StartAsync();
            }

            // Writes go on after the last start, then each writer finishes the entry it is on.
            await load.WaitForAcknowledgedAsync(20, Server.StartPatience);
            await load.StopAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}The app's last lines:{Environment.NewLine}{server.LogTail}", e);
        }

        var stored = await ReadBackAsync(session);
        var checkedEntries = 0;
        foreach (var (id, sent) in load.Acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var copies), $"Entry {id} ({sent.Note}) was acknowledged but is not stored.");
            Assert.True(copies.Count == 1, $"Entry {id} is stored {copies.Count} times.");
            Assert.Equal(sent, copies[0]);
            checkedEntries++;
        }
        // Nothing is stored that was never sent, and nothing sent twice is stored twice.
        Assert.All(stored.Keys, id => Assert.True(load.Acknowledged.ContainsKey(id) || load.Unanswered.ContainsKey(id), $"Entry {id} was never sent."));

        output.WriteLine($"{provider}: {server.Kills} kills ({MidWriteKills} mid-write, {server.Kills - MidWriteKills} during start-up), " +
            $"{checkedEntries} acknowledged entries checked, all present once with the values sent; {clock.Elapsed.TotalSeconds:0.0} s.");
        output.WriteLine($"  writers: {Writers}; requests in flight at each mid-write kill: {string.Join(", ", inFlightAtKills)}");
        output.WriteLine($"  answers: {load.Created} created (201), {load.AlreadyStored} already stored on a resend (200: stored, answer lost in a kill), " +
            $"{load.Broken} broken by a kill, {load.Refused} refused while down, {load.TimedOut} timed out, {load.ServerErrors} server errors");
        output.WriteLine($"  sent but never answered (writers gave up after the stop): {load.Unanswered.Count}");
        output.WriteLine($"  processor time: {server.AppCpu.TotalSeconds:0.0} s in the killed runs of the app, " +
            $"{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s in the test process so far");
        output.WriteLine($"  starts to /health (s): {string.Join(", ", server.StartTimes.Select(t => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))}");
        if (provider == DatabaseProvider.Sqlite)
        {
            output.WriteLine($"  a start-up killed while holding EF Core's migration lock row: {locksLeft} (the next start cleared it)");
        }

        Assert.True(server.Kills >= MidWriteKills + 2, $"Only {server.Kills} kills.");
        Assert.True(locksLeft || provider != DatabaseProvider.Sqlite, "No start-up was killed while it held EF Core's SQLite migration lock.");
        Assert.All(inFlightAtKills, n => Assert.True(n > 0, "A kill landed with no request in flight."));
        Assert.True(load.Broken + load.TimedOut > 0, "No request was cut off by a kill: the kills did not land mid-write.");
        Assert.True(load.Refused > 0, "No request found the server down: the writers did not write through the restarts.");
        Assert.True(checkedEntries >= MidWriteKills * 20, $"Only {checkedEntries} entries were acknowledged.");
    }

    /// <summary>Every entry as the restarted server lists it, page by page, grouped by id.</summary>
    private static async Task<Dictionary<Guid, List<WriteLoad.Entry>>> ReadBackAsync(Session session)
    {
        var stored = new Dictionary<Guid, List<WriteLoad.Entry>>();
        var read = 0;
        for (var page = 1; ; page++)
        {
            using var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/diary?page={page}&pageSize={DiaryStore.MaxPageSize}"));
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = json.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                var entry = new WriteLoad.Entry(
                    item.GetProperty("id").GetGuid(),
                    item.GetProperty("time").GetString()!,
                    item.GetProperty("item").GetString()!,
                    item.GetProperty("value").GetDecimal(),
                    item.GetProperty("note").GetString()!);
                if (!stored.TryGetValue(entry.Id, out var copies))
                {
                    stored[entry.Id] = copies = [];
                }
                copies.Add(entry);
                read++;
            }
            if (items.GetArrayLength() == 0 || read >= json.RootElement.GetProperty("total").GetInt32())
            {
                return stored;
            }
        }
    }

    /// <summary>
    /// Kills a start while it migrates. On SQLite the kill comes as EF Core begins a migration picked at random from the
    /// first half, so that it lands inside a migration and leaves EF Core's lock row behind, as a crash would; it says
    /// whether the row was left. All the migrations take about a quarter of a second and the log line reaches the test
    /// a little late, so a kill can miss: then the file is made empty again and the start tried again.
    /// </summary>
    private static async Task<bool> KillWhileMigratingAsync(Server server, TestDatabase database, Random random)
    {
        if (database.Settings.SqliteFile is not { } file)
        {
            var starting = server.Launch();
            await starting.Migrating.WaitAsync(Server.StartPatience);
            await Task.Delay(random.Next(0, 30));
            server.Kill();
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var pending = await PendingMigrationsAsync(database);
            if (pending < 2)
            {
                StartAgainFromNothing(file);
                pending = await PendingMigrationsAsync(database);
            }
            var starting = server.Launch();
            await starting.MigrationApplying(random.Next(1, Math.Max(2, pending / 2))).WaitAsync(Server.StartPatience);
            server.Kill();
            if (await LockRowsAsync(database) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static void StartAgainFromNothing(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static async Task<int> PendingMigrationsAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return (await db.Database.GetPendingMigrationsAsync()).Count();
    }

    private static async Task<long> LockRowsAsync(TestDatabase database)
    {
        await using var sqlite = new SqliteConnection(database.Settings.ConnectionString + ";Pooling=False");
        await sqlite.OpenAsync();
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        try
        {
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0; // EF Core had not made its lock table yet
        }
    }
}
