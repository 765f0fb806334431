using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Assessments;
using Nervewise.Data.Diary;
using Nervewise.Data.Safety;

namespace Nervewise.Web.Safety;

/// <summary>
/// The safety state's three reads, which the layout makes on every page a person sees: compiled once, so a
/// request skips EF's query cache lookup and translation checks. A compiled query keeps the model it first ran
/// with, so each engine's context has its own (as SessionCheck and TimelineQuery do).
/// </summary>
internal static class SafetyQueries
{
    private static readonly string Symptom = StoredSafety.EntryTypes[0];
    private static readonly string Checked = StoredSafety.EntryTypes[1];

    private sealed record Set<TContext>(
        Func<TContext, string, CancellationToken, Task<AssessmentRecord?>> Latest,
        Func<TContext, string, IAsyncEnumerable<DiaryEntryRecord>> Entries,
        Func<TContext, string, CancellationToken, Task<DateTimeOffset?>> LegacyCheck) where TContext : NervewiseDbContext;

    private static readonly Set<SqliteNervewiseDbContext> OnSqlite = Compile<SqliteNervewiseDbContext>();
    private static readonly Set<PostgresNervewiseDbContext> OnPostgres = Compile<PostgresNervewiseDbContext>();

    private static Set<TContext> Compile<TContext>() where TContext : NervewiseDbContext => new(
        EF.CompileAsyncQuery((TContext db, string ownerId, CancellationToken _) =>
            db.Assessments.AsNoTracking().Where(a => a.UserId == ownerId).OrderByDescending(a => a.TakenAt).FirstOrDefault()),
        EF.CompileAsyncQuery((TContext db, string ownerId) =>
            db.DiaryEntries.AsNoTracking().Where(e => e.UserId == ownerId && (e.Type == Symptom || e.Type == Checked))),
        EF.CompileAsyncQuery((TContext db, string ownerId, CancellationToken _) =>
            db.PlanSettings.AsNoTracking().Where(p => p.UserId == ownerId).Select(p => p.SafetyCheckedAt).FirstOrDefault()));

    public static async Task<(AssessmentRecord? Latest, List<DiaryEntryRecord> Rows, DateTimeOffset? LegacyCheck)> ReadAsync(
        NervewiseDbContext db, string ownerId, CancellationToken cancellationToken) => db switch
    {
        SqliteNervewiseDbContext sqlite => await ReadAsync(OnSqlite, sqlite, ownerId, cancellationToken),
        PostgresNervewiseDbContext postgres => await ReadAsync(OnPostgres, postgres, ownerId, cancellationToken),
        _ => throw new NotSupportedException($"No safety queries for {db.GetType().Name}."),
    };

    private static async Task<(AssessmentRecord?, List<DiaryEntryRecord>, DateTimeOffset?)> ReadAsync<TContext>(
        Set<TContext> queries, TContext db, string ownerId, CancellationToken cancellationToken) where TContext : NervewiseDbContext
    {
        // One connection for the three reads, not one taken from the pool and given back for each: the pool's lock
        // was contended under load. EF closes it only if it opened it here.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var latest = await queries.Latest(db, ownerId, cancellationToken);
            var rows = new List<DiaryEntryRecord>();
            await foreach (var row in queries.Entries(db, ownerId).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }
            var legacyCheck = await queries.LegacyCheck(db, ownerId, cancellationToken);
            return (latest, rows, legacyCheck);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
