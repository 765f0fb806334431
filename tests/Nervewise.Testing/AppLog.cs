using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Nervewise.Testing;

/// <summary>
/// What a test app logs, kept in memory (the last lines only) instead of written to the console: hundreds of apps
/// writing every request to the test process's output cost CPU and were never read. The app's log levels still
/// decide what is logged; a failing browser test writes this out beside its screenshots.
/// </summary>
public sealed class AppLog : ILoggerProvider
{
    private const int MaxLines = 2_000;
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The kept lines, oldest first.</summary>
    public string Text() => string.Join(Environment.NewLine, _lines);

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > MaxLines && _lines.TryDequeue(out _))
        {
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(AppLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var time = DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var line = $"{time} {logLevel} {category}: {formatter(state, exception)}";
            log.Add(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
