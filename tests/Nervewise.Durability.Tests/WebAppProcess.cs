using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Nervewise.Durability.Tests;

/// <summary>One run of the built web app as a process of its own, so that it can be killed like a real server.</summary>
internal sealed class WebAppProcess : IDisposable
{
    // EF Core logs these as it starts migrating (20400) and just before it takes its SQLite lock row (20411;
    // Npgsql takes its lock without a log line): moments to kill a start-up.
    private const string MigrationMarker = "Microsoft.EntityFrameworkCore.Migrations[20400]";
    private const string MigrationLockMarker = "Microsoft.EntityFrameworkCore.Migrations[20411]";
    // And as it begins each migration (20402), while it holds that lock.
    private const string MigrationApplyingMarker = "Microsoft.EntityFrameworkCore.Migrations[20402]";
    private const int LogLines = 300;

    // Should the test host end without disposing a test, the servers it started must not outlive it.
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly TaskCompletionSource _migrating = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _migrationLock = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TaskCompletionSource> _applying = [];
    private int _applied;

    static WebAppProcess() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };

    private WebAppProcess(IReadOnlyDictionary<string, string> environment)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Paths.ContentRoot,
        };
        foreach (var argument in new[] { Paths.WebDll, "--urls", Address.ToString(), "--contentRoot", Paths.ContentRoot })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        Started = Stopwatch.StartNew();
        _process.Start();
        Running[_process.Id] = _process;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public Stopwatch Started { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the app logs that it starts migrating the database.</summary>
    public Task Migrating => _migrating.Task;

    /// <summary>Completes when the app logs that it is about to take EF Core's migration lock (SQLite only).</summary>
    public Task MigrationLockTaking => _migrationLock.Task;

    /// <summary>Completes when the app logs that it begins the nth migration it applies (counting from 1).</summary>
    public Task MigrationApplying(int n) => Applying(n).Task;

    /// <summary>The last lines the app wrote, for failure messages.</summary>
    public string LogTail => string.Join(Environment.NewLine, _log);

    public static WebAppProcess Start(IReadOnlyDictionary<string, string> environment) => new(environment);

    /// <summary>Polls /health until the app answers 200; fails with the app's own log if it exits or takes too long.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient client, TimeSpan patience)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting.{Environment.NewLine}{LogTail}");
            }
            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await client.GetAsync(new Uri(Address, "/health"), probe.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app did not answer /health within {patience.TotalSeconds:0} s.{Environment.NewLine}{LogTail}");
    }

    /// <summary>SIGKILL on Unix: no shutdown code runs, as when the machine's OOM killer or a crash ends it.</summary>
    public void Kill()
    {
        CpuTime = TryCpuTime();
        TryKill(_process);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"Process {_process.Id} was killed but did not exit.");
        }
        // Also waits for the last output lines to be read.
        _process.WaitForExit();
        Running.TryRemove(_process.Id, out _);
    }

    /// <summary>Processor time the run used, read just before it was killed.</summary>
    public TimeSpan CpuTime { get; private set; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            CpuTime = TryCpuTime();
        }
        TryKill(_process);
        _process.WaitForExit(TimeSpan.FromSeconds(30));
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > LogLines && _log.TryDequeue(out _))
        {
        }
        if (line.Contains(MigrationMarker, StringComparison.Ordinal))
        {
            _migrating.TrySetResult();
        }
        if (line.Contains(MigrationLockMarker, StringComparison.Ordinal))
        {
            _migrationLock.TrySetResult();
        }
        if (line.Contains(MigrationApplyingMarker, StringComparison.Ordinal))
        {
            Applying(Interlocked.Increment(ref _applied)).TrySetResult();
        }
    }

    private TaskCompletionSource Applying(int n)
    {
        lock (_applying)
        {
            while (_applying.Count < n)
            {
                _applying.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
            return _applying[n - 1];
        }
    }

    private TimeSpan TryCpuTime()
    {
        try
        {
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return CpuTime;
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
    }

    /// <summary>
    /// A port that is free now, below the range the kernel hands out for outgoing connections (32768 and up on
    /// Linux), so that the writers' own connections cannot take it while the app starts.
    /// </summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = attempt < 50 ? Random.Shared.Next(20000, 32000) : 0;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }
    }

    /// <summary>Whether the app gave up because its port was taken after it was chosen.</summary>
    public bool PortWasTaken
    {
        get
        {
            if (!_process.HasExited)
            {
                return false;
            }
            _process.WaitForExit(); // reads the last lines
            return LogTail.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The same dotnet that runs the tests.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>The web app as `dotnet build` left it, found from the repository root above the test's own folder.</summary>
    private static class Paths
    {
        public static readonly string ContentRoot = Path.Combine(RepositoryRoot(), "src", "Nervewise.Web");

        public static readonly string WebDll = Path.Combine(ContentRoot, "bin", Metadata("Configuration"), Metadata("TargetFramework"), "Nervewise.Web.dll");

        private static string Metadata(string key) =>
            typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Nervewise.slnx")))
                {
                    return folder.FullName;
                }
            }
            throw new InvalidOperationException($"No Nervewise.slnx above {AppContext.BaseDirectory}.");
        }
    }
}
