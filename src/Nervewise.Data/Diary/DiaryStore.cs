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

    /// <summary>Saves several new entries in one transaction: all of them or none.</summary>
    public async Task<int> AddManyAsync(string userId, IReadOnlyList<(Guid Id, DiaryEntry Entry)> entries, CancellationToken cancellationToken = default)
    {
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
        return added;
    }

    /// <summary>
    /// Imports a whole file's entries at once. Each row's id comes from the person and the row itself, so
    /// importing the same file again adds nothing, and two people importing one file never collide.
    /// </summary>
    public Task<int> ImportAsync(string userId, IReadOnlyList<DiaryEntry> entries, CancellationToken cancellationToken = default) =>
        AddManyAsync(userId, [.. entries.Select(e => (ImportId(userId, e), e))], cancellationToken);

    /// <summary>Every entry, oldest first, as Domain entries for the CSV writer.</summary>
    public async Task<List<DiaryEntry>> ExportAsync(string userId, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(userId, cancellationToken: cancellationToken)).Select(r => r.ToEntry())];

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
