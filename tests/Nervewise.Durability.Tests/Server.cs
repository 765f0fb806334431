using Nervewise.Data;

namespace Nervewise.Durability.Tests;

/// <summary>
/// The web app on one database, started, killed and started again; each start listens on a fresh port,
/// and <see cref="Address"/> always names the latest.
/// </summary>
internal sealed class Server(DatabaseSettings database) : IDisposable
{
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);

    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(10) };
    private volatile WebAppProcess? _current;

    public Uri Address => _current?.Address ?? throw new InvalidOperationException("The server has not been started.");

    public int Kills { get; private set; }

    public List<TimeSpan> StartTimes { get; } = [];

    public string LogTail => _current?.LogTail ?? "";

    /// <summary>Where the app writes its mail (no SMTP server here), read for confirmation links.</summary>
    public Nervewise.Testing.Mailbox Mailbox { get; } =
        new(Path.Combine(Path.GetTempPath(), "nervewise-tests", "durable-mail-" + Guid.NewGuid().ToString("N")));

    /// <summary>Launches the app without waiting for it, as a process supervisor does.</summary>
    public WebAppProcess Launch()
    {
        if (_current is { HasExited: false })
        {
            throw new InvalidOperationException("The previous run is still going.");
        }
        _current?.Dispose();
        _current = WebAppProcess.Start(Environment());
        return _current;
    }

    /// <summary>Launches the app and waits until /health answers.</summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var process = Launch();
            try
            {
                await process.WaitUntilHealthyAsync(_probe, StartPatience);
                StartTimes.Add(process.Started.Elapsed);
                return;
            }
            catch (InvalidOperationException) when (process.PortWasTaken && attempt < 3)
            {
                // Another program took the port between choosing and binding it: choose again.
            }
        }
    }

    public void Kill()
    {
        _current!.Kill();
        AppCpu += _current.CpuTime;
        Kills++;
    }

    /// <summary>Processor time of every killed run together.</summary>
    public TimeSpan AppCpu { get; private set; }

    public void Dispose()
    {
        _current?.Dispose();
        _probe.Dispose();
        if (Directory.Exists(Mailbox.Folder))
        {
            Directory.Delete(Mailbox.Folder, recursive: true);
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        // As behind a proxy that ends TLS (README): the client sends X-Forwarded-Proto, so secure cookies work.
        ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        ["Database__Provider"] = database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
        ["ConnectionStrings__Nervewise"] = database.ConnectionString,
        ["Database__MigrateOnStart"] = "true",
        ["Email__PickupFolder"] = Mailbox.Folder,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        // Names the moments EF Core starts migrating and takes its lock, so a start-up can be killed right there.
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Debug",
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        ["DOTNET_USE_POLLING_FILE_WATCHER"] = "true",
    };

    /// <summary>How long the last start took, for choosing a moment inside the next one.</summary>
    public TimeSpan TypicalStart => StartTimes.Count == 0 ? TimeSpan.FromSeconds(2) : StartTimes[^1];
}
