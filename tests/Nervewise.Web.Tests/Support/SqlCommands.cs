using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Support;

/// <summary>
/// Counts the SQL commands EF Core runs against one test's database while it is alive, through EF's diagnostic
/// events. The events are process-wide, so commands are told apart by their database (tests run side by side).
/// EF Core caches for a second whether anyone listens, so make it well before the commands to count.
/// </summary>
public sealed class SqlCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    private SqlCommands(string database)
    {
        _database = database;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public static SqlCommands Count(TestDatabase database)
    {
        using var db = database.OpenContext();
        return new SqlCommands(Key(db.Database.GetDbConnection()));
    }

    public int Total => Volatile.Read(ref _count);

    private static string Key(DbConnection connection) => $"{connection.DataSource}|{connection.Database}";

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && data.Command.Connection is { } connection && Key(connection) == _database)
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
