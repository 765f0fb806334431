using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data.Diary;
using Nervewise.Domain.Diary;

namespace Nervewise.Data.Safety;

/// <summary>
/// What the safety state of one person is made from, in one read: the latest assessment's answers, the diary's
/// red-flag symptom and <c>checked</c> rows, and a check recorded before 2026-11-28 (<see cref="StoredSafety"/>).
/// The layout reads it on every page a person sees.
/// </summary>
/// <remarks>
/// One plain SQL statement on the context's connection, the same on both engines, in place of three EF Core queries:
/// on SQLite each statement is prepared anew on every request, and EF Core's own work per query was most of the
/// rest (docs/performance.md, round 6). The diary's part reads only columns its index holds.
/// </remarks>
public static class SafetyRead
{
    public sealed record Stored(DateTimeOffset? AssessmentTakenAt, string? AnswersJson, IReadOnlyList<DiaryEntry> Entries, DateTimeOffset? LegacyCheck);

    private const int Assessment = 0, Entry = 1, LegacyCheck = 2;

    // Columns: kind, time, offset, type, value, text (the answers, or the entry's item).
    internal static readonly string Sql = $"""
        SELECT {Assessment}, "TakenAt", NULL, NULL, NULL, "AnswersJson"
        FROM (SELECT "TakenAt", "AnswersJson" FROM "Assessments" WHERE "UserId" = @userId ORDER BY "TakenAt" DESC LIMIT 1) AS latest
        UNION ALL
        SELECT {Entry}, "OccurredAt", "OffsetMinutes", "Type", "Value", "Item"
        FROM "DiaryEntries"
        WHERE "UserId" = @userId AND "Type" IN ({string.Join(", ", StoredSafety.EntryTypes.Select(t => $"'{t}'"))})
        UNION ALL
        SELECT {LegacyCheck}, "SafetyCheckedAt", NULL, NULL, NULL, NULL
        FROM "PlanSettings"
        WHERE "UserId" = @userId AND "SafetyCheckedAt" IS NOT NULL
        """;

    public static async Task<Stored> ReadAsync(NervewiseDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var sqlite = db is SqliteNervewiseDbContext;
        DateTimeOffset? takenAt = null, legacyCheck = null;
        string? answers = null;
        var entries = new List<DiaryEntry>();
        // The request's connection if the session check has opened it (ADR 24); EF Core closes it only if opened here.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.CreateCommand(Sql);
            command.AddParameter("userId", userId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var time = reader.GetTime(1, sqlite);
                switch (reader.GetInt32(0))
                {
                    case Assessment:
                        (takenAt, answers) = (time, reader.GetString(5));
                        break;
                    case Entry:
                        entries.Add(ReadEntry(reader, time));
                        break;
                    default:
                        legacyCheck = time;
                        break;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new Stored(takenAt, answers, entries, legacyCheck);
    }

    // The state reads an entry's time, type, item and value; its duration and note are left out.
    private static DiaryEntry ReadEntry(DbDataReader reader, DateTimeOffset occurredAt) =>
        DiaryEntryRecord.Entry(occurredAt, reader.GetInt32(2), reader.GetString(3), reader.GetString(5),
            reader.IsDBNull(4) ? null : reader.GetDecimal(4), null, "");
}
