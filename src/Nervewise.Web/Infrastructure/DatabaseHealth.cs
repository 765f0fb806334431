using System.Data.Common;
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
