using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Nervewise.Bare;

/// <summary>
/// The database Nervewise made in the same load run, through the driver alone. Read from the same settings as
/// Nervewise (<c>Database:Provider</c>, <c>ConnectionStrings:Nervewise</c>). Each open connection keeps its two
/// statements prepared, and idle connections wait in a bag: by hand, the least a request can cost.
/// </summary>
internal sealed class Database(IConfiguration configuration)
{
    private readonly bool postgres = configuration["Database:Provider"]?.Trim().ToLowerInvariant() is "postgres" or "postgresql" or "npgsql";
    // Asked for at first use, not at start: the empty-answer ceiling runs with no database at all.
    private string ConnectionString => configuration.GetConnectionString("Nervewise")
        ?? throw new InvalidOperationException("Set ConnectionStrings__Nervewise to the database Nervewise made.");
    private readonly ConcurrentBag<Statements> idle = [];

    /// <summary>Runs <paramref name="work"/> on an idle connection; a connection that failed is closed, not reused.</summary>
    public async Task<T> UseAsync<T>(Func<Statements, Task<T>> work)
    {
        var statements = idle.TryTake(out var ready) ? ready : Open();
        try
        {
            var result = await work(statements);
            idle.Add(statements);
            return result;
        }
        catch
        {
            statements.Dispose();
            throw;
        }
    }

    private Statements Open()
    {
        DbConnection connection = postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        if (!postgres)
        {
            // Nervewise's durability, set on each connection (SqliteConnectionSettings): WAL is in the file already,
            // a commit is acknowledged once in the WAL (synchronous=NORMAL), and a busy writer is waited for in SQLite.
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
            pragmas.ExecuteNonQuery();
        }
        return postgres ? new PostgresStatements((NpgsqlConnection)connection) : new SqliteStatements((SqliteConnection)connection);
    }

    /// <summary>The Data Protection keys Nervewise wrote (its PersistKeysToDbContext table), so its cookies open here.</summary>
    public sealed class Keys(Database database) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = database.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Xml" FROM "DataProtectionKeys" WHERE "Xml" IS NOT NULL AND "Xml" <> ''""";
            using var reader = command.ExecuteReader();
            var keys = new List<XElement>();
            while (reader.Read())
            {
                keys.Add(XElement.Parse(reader.GetString(0)));
            }
            return keys;
        }

        // Only when every key is near its end: Nervewise would make the next one the same way (one row).
        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = database.Connect();
            using var command = connection.CreateCommand();
            command.CommandText = """INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES (@name, @xml)""";
            Add(command, "name", friendlyName);
            Add(command, "xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }

        private static void Add(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private DbConnection Connect()
    {
        DbConnection connection = postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private const string StampSql = """SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @id""";

    // Every column EF Core writes for a new DiaryEntryRecord, in one statement; a repeated id breaks the primary key.
    private const string InsertSql = """
        INSERT INTO "DiaryEntries" ("Id", "UserId", "OccurredAt", "OffsetMinutes", "Type", "Item", "Value", "DurationMinutes", "Note", "CreatedAt", "UpdatedAt")
        VALUES (@id, @user, @occurred, @offset, @type, @item, @value, @duration, @note, @created, @updated)
        """;

    /// <summary>One open connection and its prepared statements.</summary>
    public abstract class Statements : IDisposable
    {
        /// <summary>(false, null) when there is no such person.</summary>
        public abstract Task<(bool Found, string? Stamp)> ReadStampAsync(string userId);

        /// <summary>False when the id is taken.</summary>
        public abstract Task<bool> InsertAsync(NewEntry entry);

        public abstract void Dispose();
    }

    // Microsoft.Data.Sqlite runs every command synchronously (Nervewise's SqliteConnectionSettings says so too):
    // plain calls, no state machines.
    private sealed class SqliteStatements : Statements
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand stamp;
        private readonly SqliteCommand insert;

        public SqliteStatements(SqliteConnection connection)
        {
            this.connection = connection;
            stamp = Prepare(StampSql, "@id");
            insert = Prepare(InsertSql, "@id", "@user", "@occurred", "@offset", "@type", "@item", "@value", "@duration", "@note", "@created", "@updated");
        }

        private SqliteCommand Prepare(string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            command.Prepare();
            return command;
        }

        public override Task<(bool Found, string? Stamp)> ReadStampAsync(string userId)
        {
            stamp.Parameters[0].Value = userId;
            using var reader = stamp.ExecuteReader(CommandBehavior.SingleRow);
            return Task.FromResult(reader.Read() ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, (string?)null));
        }

        public override Task<bool> InsertAsync(NewEntry e)
        {
            var p = insert.Parameters;
            // The values as EF Core stores them on SQLite: the Guid as upper-case text (the driver's own binding),
            // times through DateTimeOffsetToBinaryConverter (SqliteNervewiseDbContext), the decimal as text.
            p[0].Value = e.Id;
            p[1].Value = e.UserId;
            p[2].Value = ToBinary(e.OccurredAt);
            p[3].Value = e.OffsetMinutes;
            p[4].Value = e.Type;
            p[5].Value = e.Item;
            p[6].Value = e.Value is { } value ? value : DBNull.Value;
            p[7].Value = e.DurationMinutes is { } minutes ? minutes : DBNull.Value;
            p[8].Value = e.Note;
            p[9].Value = ToBinary(e.CreatedAt);
            p[10].Value = ToBinary(e.CreatedAt);
            try
            {
                insert.ExecuteNonQuery();
                return Task.FromResult(true);
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 1555) // SQLITE_CONSTRAINT_PRIMARYKEY
            {
                return Task.FromResult(false);
            }
        }

        /// <summary>EF Core's DateTimeOffsetToBinaryConverter: ticks to 0.1 ms in the high bits, the offset's minutes in the low 11.</summary>
        private static long ToBinary(DateTimeOffset time) => ((time.Ticks / 1000) << 11) | ((long)time.Offset.TotalMinutes & 0x07FF);

        public override void Dispose()
        {
            stamp.Dispose();
            insert.Dispose();
            connection.Dispose();
        }
    }

    private sealed class PostgresStatements : Statements
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlCommand stamp;
        private readonly NpgsqlCommand insert;
        private readonly NpgsqlParameter<string> stampId = new("id", NpgsqlDbType.Text);
        private readonly NpgsqlParameter<Guid> id = new("id", NpgsqlDbType.Uuid);
        private readonly NpgsqlParameter<string> user = new("user", NpgsqlDbType.Text);
        private readonly NpgsqlParameter<DateTimeOffset> occurred = new("occurred", NpgsqlDbType.TimestampTz);
        private readonly NpgsqlParameter<int> offset = new("offset", NpgsqlDbType.Integer);
        private readonly NpgsqlParameter<string> type = new("type", NpgsqlDbType.Varchar);
        private readonly NpgsqlParameter<string> item = new("item", NpgsqlDbType.Varchar);
        private readonly NpgsqlParameter value = new("value", NpgsqlDbType.Numeric);
        private readonly NpgsqlParameter duration = new("duration", NpgsqlDbType.Integer);
        private readonly NpgsqlParameter<string> note = new("note", NpgsqlDbType.Varchar);
        private readonly NpgsqlParameter<DateTimeOffset> created = new("created", NpgsqlDbType.TimestampTz);
        private readonly NpgsqlParameter<DateTimeOffset> updated = new("updated", NpgsqlDbType.TimestampTz);

        public PostgresStatements(NpgsqlConnection connection)
        {
            this.connection = connection;
            stamp = new NpgsqlCommand(StampSql, connection) { Parameters = { stampId } };
            insert = new NpgsqlCommand(InsertSql, connection)
            {
                Parameters = { id, user, occurred, offset, type, item, value, duration, note, created, updated },
            };
            stamp.Prepare();
            insert.Prepare();
        }

        public override async Task<(bool Found, string? Stamp)> ReadStampAsync(string userId)
        {
            stampId.TypedValue = userId;
            await using var reader = await stamp.ExecuteReaderAsync(CommandBehavior.SingleRow);
            return await reader.ReadAsync() ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
        }

        public override async Task<bool> InsertAsync(NewEntry e)
        {
            id.TypedValue = e.Id;
            user.TypedValue = e.UserId;
            occurred.TypedValue = e.OccurredAt; // UTC, as timestamptz needs
            offset.TypedValue = e.OffsetMinutes;
            type.TypedValue = e.Type;
            item.TypedValue = e.Item;
            value.Value = e.Value is { } v ? v : DBNull.Value;
            duration.Value = e.DurationMinutes is { } minutes ? minutes : DBNull.Value;
            note.TypedValue = e.Note;
            created.TypedValue = e.CreatedAt;
            updated.TypedValue = e.CreatedAt;
            try
            {
                await insert.ExecuteNonQueryAsync();
                return true;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return false;
            }
        }

        public override void Dispose()
        {
            stamp.Dispose();
            insert.Dispose();
            connection.Dispose();
        }
    }
}

/// <summary>A checked entry, ready for its row.</summary>
internal sealed record NewEntry(
    Guid Id, string UserId, DateTimeOffset OccurredAt, int OffsetMinutes, string Type, string Item, decimal? Value,
    int? DurationMinutes, string Note, DateTimeOffset CreatedAt);
