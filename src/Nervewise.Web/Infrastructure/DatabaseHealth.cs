using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nervewise.Data;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// /health: healthy while the database answers. A plain connection, not a context, so the first answer after a start
/// never waits for EF Core to be set up; <see cref="DataWarmUp"/> does that beside it (ADR 34).
/// </summary>
internal sealed class DatabaseHealth(DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Opening a SQLite file that is gone would quietly make a new, empty one.
        if (settings.SqliteFile is { } file && !File.Exists(file))
        {
            return HealthCheckResult.Unhealthy("The database file is missing.");
        }
        try
        {
            await using var connection = PlainConnection.Create(settings);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}

/// <summary>
/// Sets EF Core up (its services, the compiled model, the connection) on a pool thread a moment after the app has
/// started, so the first page that reads the database does not pay for it. Start-up used to do this before the first
/// answer; done at once beside the start, it slowed the start by as much as it saved (docs/performance.md, round 7).
/// A request that needs EF Core sooner sets it up itself.
/// </summary>
internal sealed partial class DataWarmUp(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DataWarmUp> log) : BackgroundService
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(After, clock, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
            _ = db.Model;
            _ = db.Database.GetDbConnection();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it was needed.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a head start: the first request that needs EF Core sets it up anyway, and reports what fails.
            LogWarmUpFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Setting up EF Core ahead of the first request failed.")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
