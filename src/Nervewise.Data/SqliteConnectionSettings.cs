using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nervewise.Data;

/// <summary>
/// SQLite settings that live on each connection, not in the file, so each physical connection gets them once, when
/// it is first opened; a pooled one keeps them when the pool hands it out again (running them on every open was
/// part of each request's cost, docs/performance.md).
/// <c>synchronous=NORMAL</c>: in WAL mode a commit is in the WAL (the operating system's cache) before it is
/// acknowledged, so it survives the process being killed; only a power cut or a crash of the machine may lose
/// the last commits, and never corrupts the file. FULL waited for the disk on every commit (ADR 14).
/// <c>busy_timeout</c>: a writer that meets another writer waits inside SQLite, in steps of a few milliseconds,
/// instead of Microsoft.Data.Sqlite's fixed 150 ms sleeps between tries.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every command synchronously; an async call would only add a state machine.
        Apply(connection);
        return Task.CompletedTask;
    }

    // Keyed by the native handle, which is the physical connection: a pooled SqliteConnection gets it back on each
    // open, and a closed-for-good one takes its entry with it when collected.
    private static readonly ConditionalWeakTable<object, object> Applied = new();

    private static void Apply(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (Applied.TryGetValue(handle, out _))
        {
            return;
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        Applied.AddOrUpdate(handle, handle);
    }
}
