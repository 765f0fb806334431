using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Assessments;
using Nervewise.Data.Diary;
using Nervewise.Data.Safety;

namespace Nervewise.Web.Safety;

/// <summary>
/// The safety state's three reads, which the layout makes on every page a person sees: compiled once, so a
/// request skips EF's query cache lookup and translation checks; one set for each engine (<see cref="PerEngine{TQuery}"/>).
/// </summary>
internal static class SafetyQueries
{
    private sealed record Set(
        Func<NervewiseDbContext, string, CancellationToken, Task<AssessmentRecord?>> Latest,
        Func<NervewiseDbContext, string, IAsyncEnumerable<DiaryEntryRecord>> Entries,
        Func<NervewiseDbContext, string, CancellationToken, Task<DateTimeOffset?>> LegacyCheck);

    private static readonly PerEngine<Set> Queries = PerEngine.Compile(() => new Set(
        EF.CompileAsyncQuery((NervewiseDbContext db, string ownerId, CancellationToken _) =>
            db.Assessments.AsNoTracking().Where(a => a.UserId == ownerId).OrderByDescending(a => a.TakenAt).FirstOrDefault()),
        // An IN list of the types the state reads, as the clinic's reader asks for them (EF.Constant fails in a compiled query).
        EF.CompileAsyncQuery((NervewiseDbContext db, string ownerId) =>
            db.DiaryEntries.AsNoTracking().Where(e => e.UserId == ownerId && StoredSafety.EntryTypes.Contains(e.Type))),
        EF.CompileAsyncQuery((NervewiseDbContext db, string ownerId, CancellationToken _) =>
            db.PlanSettings.AsNoTracking().Where(p => p.UserId == ownerId).Select(p => p.SafetyCheckedAt).FirstOrDefault())));

    public static async Task<(AssessmentRecord? Latest, List<DiaryEntryRecord> Rows, DateTimeOffset? LegacyCheck)> ReadAsync(
        NervewiseDbContext db, string ownerId, CancellationToken cancellationToken)
    {
        var queries = Queries.For(db);
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
