using Microsoft.EntityFrameworkCore;

namespace Nervewise.Data.Identity;

/// <summary>
/// An account's security stamp, read on every signed-in request to tell a live session from an ended one. Plain SQL
/// on the context's connection (the same on both engines): EF Core's own work per run was about half of this read
/// (docs/performance.md, round 6).
/// </summary>
public static class StampRead
{
    internal const string Sql = """SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @id""";

    /// <summary>Whether the account exists, and its stamp. Opens the connection and leaves it open (the caller's request uses it).</summary>
    public static async Task<(bool Found, string? Stamp)> ReadAsync(NervewiseDbContext db, string id, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.CreateCommand(Sql);
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }
}
