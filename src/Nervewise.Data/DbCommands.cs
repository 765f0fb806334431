using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nervewise.Data;

/// <summary>For the few reads done in plain ADO.NET on a context's connection (start-up checks, the timeline, the safety state).</summary>
internal static class DbCommands
{
    // SQLite's DateTimeOffset columns go through this converter (SqliteNervewiseDbContext.ConfigureConventions).
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>A command on the context's connection (the caller opens it), in the context's transaction if there is one.</summary>
    public static DbCommand CreateCommand(this NervewiseDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Adds a parameter and gives back its name, for the SQL.</summary>
    public static string AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }

    /// <summary>An instant as the engine stores it: SQLite keeps a sortable number (ADR 0004), PostgreSQL a timestamptz.</summary>
    public static object StoredTime(DateTimeOffset time, bool sqlite) =>
        sqlite ? SqliteTime.ConvertToProviderTyped(time.ToUniversalTime()) : time.ToUniversalTime();

    /// <summary>Reads an instant stored by <see cref="StoredTime"/> (or by EF Core through the same converter).</summary>
    public static DateTimeOffset GetTime(this DbDataReader reader, int ordinal, bool sqlite) =>
        sqlite ? SqliteTime.ConvertFromProviderTyped(reader.GetInt64(ordinal)) : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
