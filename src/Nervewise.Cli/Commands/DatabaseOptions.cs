using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;

namespace Nervewise.Cli.Commands;

/// <summary>
/// `--provider` and `--connection`, over the same settings the web app reads (appsettings.json in this
/// folder, then Database__Provider and ConnectionStrings__Nervewise).
/// </summary>
internal sealed class DatabaseOptions
{
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "Database engine: sqlite (default) or postgres.",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string. Default: the SQLite file data/nervewise.db in this folder.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>Services for one command run, with the schema brought up to date.</summary>
    public async Task<OpenedDatabase> OpenAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var settings = Resolve(parsed);
        var isNew = settings.SqliteFile is { } file && !File.Exists(file);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddNervewiseData();
        services.AddNervewiseIdentityCore();
        services.AddNervewiseOpenIddictCore();
        services.AddScoped<Nervewise.Data.Diary.DiaryStore>();
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.InitializeDatabaseAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await provider.DisposeAsync();
            throw new CliFailureException($"could not open the database ({settings.Describe()}): {ex.GetBaseException().Message}", ex);
        }
        return new OpenedDatabase(provider, settings, isNew);
    }

    private DatabaseSettings Resolve(ParseResult parsed)
    {
        var folder = Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(folder)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        try
        {
            return DatabaseSettings.Create(
                parsed.GetValue(Provider) ?? configuration[DatabaseSettings.ProviderKey],
                parsed.GetValue(Connection) ?? configuration.GetConnectionString(DatabaseSettings.ConnectionStringName),
                folder);
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message.Split(" (Parameter")[0]);
        }
    }
}

/// <summary>An open database for one command, and whether this run had to create it.</summary>
internal sealed record OpenedDatabase(ServiceProvider Services, DatabaseSettings Settings, bool IsNew) : IAsyncDisposable
{
    /// <summary>Tells the person which database was used, and warns when it is a new, empty one.</summary>
    public async Task DescribeAsync(TextWriter output, TextWriter error)
    {
        await output.WriteLineAsync($"Database: {Settings.Describe()}");
        if (IsNew)
        {
            await error.WriteLineAsync(
                "Note: there was no database at that path, so a new, empty one was made. The web app started with " +
                "'dotnet run --project src/Nervewise.Web' uses src/Nervewise.Web/data/nervewise.db: run this tool from " +
                "src/Nervewise.Web, or pass --connection.");
        }
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
