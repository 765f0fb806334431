using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Npgsql;

namespace Nervewise.Testing;

/// <summary>A database of its own for one test, dropped afterwards.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseSettings Settings { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => PostgresTestDatabase.CreateAsync(),
        _ => SqliteTestDatabase.CreateAsync(),
    };

    /// <summary>
    /// A fresh database for a test of the web app: as <see cref="CreateAsync"/>, with what every app makes on its first
    /// start on a new database (the Data Protection key, the SMART server's two RSA keys) already made, once per test
    /// run, by the app itself on the template. Making two RSA keys was about a tenth of a web test's CPU. The app reads
    /// them as any later start of an instance does; a test of a first start uses <see cref="CreateAsync"/>.
    /// </summary>
    public static Task<TestDatabase> CreateForAppAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => PostgresTestDatabase.CreateForAppAsync(),
        _ => SqliteTestDatabase.CreateForAppAsync(),
    };

    /// <summary>
    /// Starts the app once on a template database and asks for a page with a form (the Data Protection key) and for
    /// OpenIddict's discovery document (the SMART server keys, made only at the first OpenIddict request; ADR 0025).
    /// </summary>
    internal static async Task StartAppOnceAsync(DatabaseSettings settings)
    {
        await using var app = new NervewiseApp(settings);
        using var client = app.CreateClient();
        using var page = await client.GetAsync(new Uri("/account/register", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        using var discovery = await client.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        discovery.EnsureSuccessStatusCode();
    }

    /// <summary>A database with no schema yet, for tests that migrate step by step.</summary>
    public static Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => PostgresTestDatabase.CreateEmptyAsync(),
        _ => Task.FromResult<TestDatabase>(new SqliteTestDatabase()),
    };

    /// <summary>Data and Identity services on this database, as the CLI builds them.</summary>
    public ServiceProvider OpenServices() => Services(Settings);

    internal static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(settings).AddNervewiseData();
        services.AddNervewiseIdentityCore();
        return services.BuildServiceProvider();
    }

    /// <summary>A context on this database, outside any web host, for arranging and checking data.</summary>
    public NervewiseDbContext OpenContext()
    {
        var services = new ServiceCollection().AddSingleton(Settings).AddNervewiseData().BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<NervewiseDbContext>();
    }

    /// <summary>Makes the database unreachable, as when its server goes away.</summary>
    public abstract Task BreakAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nervewise-tests", Guid.NewGuid().ToString("N"));

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;
    private static string? _appTemplate;

    public SqliteTestDatabase() =>
        Settings = DatabaseSettings.Create("sqlite", $"Data Source={Path.Combine(_folder, "nervewise.db")}", _folder);

    /// <summary>
    /// A fresh database copied from one migrated in this process, as the PostgreSQL tests copy theirs: migrating
    /// every test's file from nothing was most of a short test's time. The app's start-up still runs its
    /// initializer on the copy (schema current, so it only checks).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync() => await CopyAsync(await EnsureTemplateAsync());

    public static async Task<TestDatabase> CreateForAppAsync() => await CopyAsync(await EnsureAppTemplateAsync());

    private static async Task<SqliteTestDatabase> CopyAsync(string template)
    {
        var database = new SqliteTestDatabase();
        Directory.CreateDirectory(database._folder);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var source = new SqliteConnection($"Data Source={template};Mode=ReadOnly;Pooling=False");
                await using var target = new SqliteConnection($"Data Source={Path.Combine(database._folder, "nervewise.db")};Pooling=False");
                await source.OpenAsync();
                await target.OpenAsync();
                source.BackupDatabase(target);
                return database;
            }
            catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) == 5 && attempt < 100)
            {
                // SQLITE_BUSY (e.g. 261, busy recovery): tests copying the template at once met while one rebuilt
                // its WAL index. The copy is read-only and whole or nothing: wait and copy again.
                await Task.Delay(20);
            }
        }
    }

    private static async Task<string> EnsureAppTemplateAsync()
    {
        var template = await EnsureTemplateAsync();
        await TemplateGate.WaitAsync();
        try
        {
            if (_appTemplate is null)
            {
                var copy = await CopyAsync(template);
                var file = Path.Combine(copy._folder, "nervewise.db");
                await StartAppOnceAsync(DatabaseSettings.Create("sqlite", $"Data Source={file};Pooling=False", copy._folder));
                SqliteConnection.ClearAllPools();
                _appTemplate = file;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try { Directory.Delete(copy._folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                };
            }
            return _appTemplate;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is null)
            {
                var folder = Path.Combine(Path.GetTempPath(), "nervewise-tests", "template-" + Guid.NewGuid().ToString("N"));
                var file = Path.Combine(folder, "nervewise.db");
                var settings = DatabaseSettings.Create("sqlite", $"Data Source={file};Pooling=False", folder);
                await using (var services = Services(settings))
                {
                    await services.InitializeDatabaseAsync();
                }
                _template = file;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                };
            }
            return _template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    public override DatabaseSettings Settings { get; }

    public override Task BreakAsync()
    {
        // With its folder gone, SQLite cannot open or create the file.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh database on the throwaway server that test.sh starts (NERVEWISE_TEST_POSTGRES), copied from a
/// migrated template so that each test starts clean in a few tens of milliseconds.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "NERVEWISE_TEST_POSTGRES";
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;
    private static string? _appTemplate;
    private readonly string _name;

    private PostgresTestDatabase(string name, string connectionString)
    {
        _name = name;
        Settings = DatabaseSettings.Create("postgres", connectionString, Path.GetTempPath());
    }

    public override DatabaseSettings Settings { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run ./test.sh, or set {ServerVariable} to an admin connection string " +
                "such as 'Host=127.0.0.1;Port=5432;Username=postgres'.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = "nw_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new PostgresTestDatabase(name, ForDatabase(name));
    }

    public static async Task<TestDatabase> CreateForAppAsync()
    {
        var template = await EnsureAppTemplateAsync();
        var name = "nw_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new PostgresTestDatabase(name, ForDatabase(name));
    }

    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var name = "nw_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new PostgresTestDatabase(name, ForDatabase(name));
    }

    public override async Task BreakAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var settings = DatabaseSettings.Create("postgres", ForDatabase("postgres"), Path.GetTempPath());
            string lastMigration;
            await using (var probe = new ServiceCollection().AddSingleton(settings).AddNervewiseData().BuildServiceProvider())
            {
                await using var scope = probe.CreateAsyncScope();
                lastMigration = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>().Database.GetMigrations().Last();
            }
            var template = $"nw_template_{lastMigration.ToLowerInvariant()}";

            // Test assemblies run in parallel processes: one of them builds the template, the others wait.
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7231)", server))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server))
            {
                exists.Parameters.AddWithValue("name", template);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{template}\"", server))
                    {
                        await create.ExecuteNonQueryAsync();
                    }
                    var templateSettings = DatabaseSettings.Create("postgres", ForDatabase(template), Path.GetTempPath());
                    await using var services = Services(templateSettings);
                    await services.InitializeDatabaseAsync();
                    // A template must have no open connections when it is copied.
                    NpgsqlConnection.ClearAllPools();
                }
            }
            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7231)", server))
            {
                await unlock.ExecuteNonQueryAsync();
            }
            _template = template;
            return template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>The template with the keys an app makes at its first start (see <see cref="TestDatabase.CreateForAppAsync"/>).</summary>
    private static async Task<string> EnsureAppTemplateAsync()
    {
        var baseTemplate = await EnsureTemplateAsync();
        await TemplateGate.WaitAsync();
        try
        {
            if (_appTemplate is not null)
            {
                return _appTemplate;
            }
            var template = baseTemplate + "_app";
            // As for the template: one test process makes it, the others wait (a lock of its own, taken after the first).
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7232)", server))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }
            // Unlocked in finally: a start that fails must not leave the other test processes waiting on the lock.
            // (On a long-lived server the template's Data Protection key expires after 90 days; the app then makes a
            // new one at each test's first request, which is slower but as correct. test.sh's server lives one run.)
            try
            {
                await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server))
                {
                    exists.Parameters.AddWithValue("name", template);
                    if (await exists.ExecuteScalarAsync() is null)
                    {
                        // Made under another name and renamed when whole, so a failed start never leaves half a template.
                        var making = template + "_making";
                        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{making}\" WITH (FORCE)");
                        await ExecuteAsync($"CREATE DATABASE \"{making}\" TEMPLATE \"{baseTemplate}\"");
                        await StartAppOnceAsync(DatabaseSettings.Create("postgres", ForDatabase(making), Path.GetTempPath()));
                        // A template must have no open connections when it is copied.
                        NpgsqlConnection.ClearAllPools();
                        await ExecuteAsync($"ALTER DATABASE \"{making}\" RENAME TO \"{template}\"");
                    }
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7232)", server);
                await unlock.ExecuteNonQueryAsync();
            }
            _appTemplate = template;
            return template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string ForDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ToString();

    private static async Task ExecuteAsync(string sql)
    {
        await using var server = new NpgsqlConnection(ForDatabase("postgres"));
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync();
    }
}
