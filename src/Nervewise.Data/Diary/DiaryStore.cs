using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nervewise.Domain.Diary;

namespace Nervewise.Data.Diary;

/// <summary>A person's diary. Every query is filtered by the owner's id; another person's entry is simply not there.</summary>
public sealed class DiaryStore(NervewiseDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public enum Outcome
    {
        Created,
        AlreadyThere,
        IdTaken,
    }

    /// <summary>Adds an entry under the client's id; the same id again returns what is stored and adds nothing.</summary>
    public async Task<(Outcome Outcome, DiaryEntryRecord? Record)> AddAsync(string userId, Guid id, DiaryEntry entry, CancellationToken cancellationToken = default)
    {
        // Insert first: a new id is by far the common case, and a repeat is caught by the key below,
        // so a new entry costs one statement rather than a look-up and then an insert.
        var now = clock.GetUtcNow();
        var record = new DiaryEntryRecord { Id = id, UserId = userId, Type = "", Item = "", Note = "", CreatedAt = now, UpdatedAt = now };
        record.Set(entry);
        db.DiaryEntries.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (Outcome.Created, record);
        }
        catch (DbUpdateException)
        {
            // The id is stored already: sent again (a retry, or two copies racing), or someone else's. Report what is stored.
            db.ChangeTracker.Clear();
            var stored = await db.DiaryEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (stored is null)
            {
                throw; // Not the id: some other failure, which the caller must see.
            }
            return stored.UserId == userId ? (Outcome.AlreadyThere, stored) : (Outcome.IdTaken, null);
        }
    }

    public Task<DiaryEntryRecord?> FindAsync(string userId, Guid id, CancellationToken cancellationToken = default) =>
        db.DiaryEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);

    /// <summary>Newest first, one page at a time, optionally between two instants (from inclusive, to exclusive).</summary>
    public async Task<(List<DiaryEntryRecord> Items, int Total)> PageAsync(
        string userId, int page, int pageSize, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var query = Range(userId, from, to);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.DiaryEntries.CountAsync(e => e.UserId == userId, cancellationToken);

    /// <summary>Every entry in a range, oldest first: for charts and exports.</summary>
    public Task<List<DiaryEntryRecord>> AllAsync(string userId, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default) =>
        Range(userId, from, to).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    public async Task<DiaryEntryRecord?> UpdateAsync(string userId, Guid id, DiaryEntry entry, CancellationToken cancellationToken = default)
    {
        var record = await db.DiaryEntries.SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        if (record is null)
        {
            return null;
        }
        record.Set(entry);
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<bool> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.DiaryEntries.Where(e => e.Id == id && e.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Saves several new entries in one statement batch: all of them or none. An id already stored (the same form sent
    /// twice, even at the same moment) is skipped, so a repeat counts as the same submission.
    /// </summary>
    public async Task<int> AddManyAsync(string userId, IReadOnlyList<(Guid Id, DiaryEntry Entry)> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            return await AddBatchAsync(userId, entries, cancellationToken);
        }
        catch (DbUpdateException ex) when (DbConflict.IsDuplicateKey(ex))
        {
            // A copy of this submission won the race: what it stored is what this one would have stored.
            db.ChangeTracker.Clear();
            var ids = entries.Select(e => e.Id).ToList();
            var mine = await db.DiaryEntries.CountAsync(e => ids.Contains(e.Id) && e.UserId == userId, cancellationToken);
            if (mine < entries.DistinctBy(e => e.Id).Count())
            {
                throw;
            }
            return 0;
        }
    }

    /// <summary>Rows a batch holds: its id look-up is one parameter a row, well under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    public const int ImportBatchRows = 1000;

    public sealed record ImportResult(int Added, int Rows);

    /// <summary>
    /// Imports a file's entries as they are read, a batch at a time, in one transaction: a bad row further down (the
    /// reader throws) or a failure rolls every batch back. Each row's id comes from the person and the row itself, so
    /// importing the same file again adds nothing, and two people importing one file never collide. The same file
    /// imported at the same moment elsewhere throws <see cref="ImportConflictException"/>; nothing of this one is kept.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string userId, IEnumerable<DiaryEntry> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (added, rows) = (0, 0);
            var batch = new List<(Guid, DiaryEntry)>(ImportBatchRows);
            foreach (var entry in entries)
            {
                batch.Add((ImportId(userId, entry), entry));
                rows++;
                if (batch.Count == ImportBatchRows)
                {
                    added += await AddBatchAsync(userId, batch, cancellationToken);
                    batch.Clear();
                }
            }
            added += await AddBatchAsync(userId, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new(added, rows);
        }
        catch (Exception ex) when (DbConflict.IsDuplicateKey(ex) || DbConflict.IsBusy(ex))
        {
            db.ChangeTracker.Clear();
            throw new ImportConflictException(ex);
        }
    }

    private async Task<int> AddBatchAsync(string userId, IReadOnlyList<(Guid Id, DiaryEntry Entry)> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }
        var ids = entries.Select(e => e.Id).ToList();
        var known = (await db.DiaryEntries.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (id, entry) in entries.Where(e => !known.Contains(e.Id)).DistinctBy(e => e.Id))
        {
            var record = new DiaryEntryRecord { Id = id, UserId = userId, Type = "", Item = "", Note = "", CreatedAt = now, UpdatedAt = now };
            record.Set(entry);
            db.DiaryEntries.Add(record);
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        // A million rows must not stay tracked: each batch leaves memory once it is saved.
        db.ChangeTracker.Clear();
        return added;
    }

    /// <summary>
    /// Every entry, oldest first, as Domain entries (the plan, the triggers, reports and exports read the whole diary):
    /// only the columns an entry has, untracked, by a query compiled once per engine. Making each row a full record
    /// first (its id, owner and stamps) and translating the query on each call was most of Today's read.
    /// </summary>
    public async Task<List<DiaryEntry>> EntriesAsync(string userId, CancellationToken cancellationToken = default)
    {
        var entries = new List<DiaryEntry>();
        await foreach (var row in EntryRows.For(db)(db, userId).WithCancellation(cancellationToken))
        {
            entries.Add(DiaryEntryRecord.Entry(row.OccurredAt, row.OffsetMinutes, row.Type, row.Item, row.Value, row.DurationMinutes, row.Note));
        }
        return entries;
    }

    private readonly record struct EntryRow(DateTimeOffset OccurredAt, int OffsetMinutes, string Type, string Item, decimal? Value, int? DurationMinutes, string Note);

    // The same rows in the same order as AllAsync.
    private static readonly PerEngine<Func<NervewiseDbContext, string, IAsyncEnumerable<EntryRow>>> EntryRows =
        PerEngine.Compile(() => EF.CompileAsyncQuery((NervewiseDbContext db, string userId) =>
            db.DiaryEntries.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new EntryRow(e.OccurredAt, e.OffsetMinutes, e.Type, e.Item, e.Value, e.DurationMinutes, e.Note))));

    public static Guid ImportId(string userId, DiaryEntry entry) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{DiaryCsv.StableId(entry):N}")).AsSpan(0, 16));

    private IQueryable<DiaryEntryRecord> Range(string userId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var query = db.DiaryEntries.AsNoTracking().Where(e => e.UserId == userId);
        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= utc);
        }
        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            query = query.Where(e => e.OccurredAt < utc);
        }
        return query;
    }
}
