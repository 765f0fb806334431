using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Nervewise.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use and where: <c>Database:Provider</c> (<c>sqlite</c> or <c>postgres</c>) and
/// <c>ConnectionStrings:Nervewise</c>, read the same way by the web app and the CLI.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Nervewise";
    public const string DefaultSqliteFile = "data/nervewise.db";

    /// <summary>Reads the settings; a relative SQLite path is taken relative to <paramref name="baseDirectory"/>.</summary>
    public static DatabaseSettings From(IConfiguration configuration, string baseDirectory) =>
        Create(configuration[ProviderKey], configuration.GetConnectionString(ConnectionStringName), baseDirectory);

    /// <exception cref="ArgumentException">The provider is not one we know, or postgres has no connection string.</exception>
    public static DatabaseSettings Create(string? provider, string? connectionString, string baseDirectory)
    {
        var parsed = ParseProvider(provider);
        if (parsed == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ArgumentException(
                    "Database provider 'postgres' needs a connection string in ConnectionStrings__Nervewise.",
                    nameof(connectionString));
            }
            return new(parsed, connectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
        {
            sqlite.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, sqlite.DataSource));
        }
        return new(parsed, sqlite.ToString());
    }

    public static DatabaseProvider ParseProvider(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException(
            $"Unknown database provider '{provider}': use 'sqlite' or 'postgres'.", nameof(provider)),
    };

    /// <summary>The SQLite file, when there is one, so that its folder can be made before first use.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        && new SqliteConnectionStringBuilder(ConnectionString).DataSource is var path and not ":memory:"
            ? path
            : null;

    /// <summary>Connection text safe for logs and messages: no password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite at {SqliteFile ?? ":memory:"}",
        _ => $"PostgreSQL {Redact(ConnectionString)}",
    };

    private static string Redact(string connectionString)
    {
        try
        {
            // The builder knows every alias of the password (Password, PWD, PSW) and quoted values.
            return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ToString();
        }
        catch (ArgumentException)
        {
            return "(connection string not shown)";
        }
    }
}
