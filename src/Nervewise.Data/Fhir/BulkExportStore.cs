using Microsoft.EntityFrameworkCore;

namespace Nervewise.Data.Fhir;

/// <summary>
/// Bulk export jobs and their files in the database, so any web instance can take a job, answer its status and serve
/// its files. A running job's <see cref="BulkExportJobRecord.ExpiresAt"/> is its lease: the instance that claimed it
/// renews it while it works, and when it lapses (the instance died) another instance claims the job again. Once the
/// job ends, the same column says when it and its files are deleted.
/// </summary>
public sealed class BulkExportStore(NervewiseDbContext db)
{
    public const string Accepted = "accepted";
    public const string Running = "running";
    public const string Complete = "complete";
    public const string Failed = "failed";

    /// <summary>How long a claim holds without renewal before another instance may take the job.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A job nobody finished within this time fails instead of being retried for ever.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(1);

    /// <summary>One job as the worker holds it: <see cref="LeaseUntil"/> identifies this claim.</summary>
    public sealed record Claim(BulkExportJobRecord Job, DateTimeOffset LeaseUntil);

    public async Task<BulkExportJobRecord> AddAsync(BulkExportJobRecord job, CancellationToken cancellationToken = default)
    {
        db.BulkExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>The clinician's own job; null for someone else's or a deleted one, so ids tell nothing.</summary>
    public Task<BulkExportJobRecord?> FindAsync(Guid id, string clinicianId, CancellationToken cancellationToken = default) =>
        db.BulkExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.ClinicianId == clinicianId, cancellationToken);

    /// <summary>The files of a job without their content, in a stable order for the manifest.</summary>
    public async Task<List<(Guid Id, string ResourceType, int Part, int Count)>> FilesAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        [.. (await db.BulkExportFiles.AsNoTracking().Where(f => f.JobId == jobId)
                .OrderBy(f => f.ResourceType).ThenBy(f => f.Part)
                .Select(f => new { f.Id, f.ResourceType, f.Part, f.Count })
                .ToListAsync(cancellationToken))
            .Select(f => (f.Id, f.ResourceType, f.Part, f.Count))];

    /// <summary>The resource type of one file of a complete job of this clinician; null otherwise.</summary>
    public Task<string?> FileTypeAsync(Guid jobId, Guid fileId, string clinicianId, CancellationToken cancellationToken = default) =>
        db.BulkExportFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.JobId == jobId
                && db.BulkExportJobs.Any(j => j.Id == jobId && j.ClinicianId == clinicianId && j.Status == Complete))
            .Select(f => f.ResourceType).SingleOrDefaultAsync(cancellationToken);

    /// <summary>One file of a complete job of this clinician; null otherwise.</summary>
    public Task<string?> FileContentAsync(Guid jobId, Guid fileId, string clinicianId, CancellationToken cancellationToken = default) =>
        db.BulkExportFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.JobId == jobId
                && db.BulkExportJobs.Any(j => j.Id == jobId && j.ClinicianId == clinicianId && j.Status == Complete))
            .Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Deletes the clinician's job and its files (the cancel of the Bulk Data spec); false when there is none.</summary>
    public async Task<bool> DeleteAsync(Guid id, string clinicianId, CancellationToken cancellationToken = default)
    {
        await db.BulkExportFiles.Where(f => f.JobId == id && db.BulkExportJobs.Any(j => j.Id == id && j.ClinicianId == clinicianId))
            .ExecuteDeleteAsync(cancellationToken);
        return await db.BulkExportJobs.Where(j => j.Id == id && j.ClinicianId == clinicianId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// A person deleted their account, or stopped sharing with a clinician (<paramref name="clinicianId"/>): every
    /// export holding any of their data goes, whole (a file mixes several people, and half an export would mislead).
    /// The clinician's client finds the job gone and can export again. A file holds the person when it names their
    /// account id (the Patient's identifier) or their FHIR Patient id (every other resource's subject).
    /// </summary>
    public async Task<int> ForgetPersonAsync(string userId, string? clinicianId = null, CancellationToken cancellationToken = default)
    {
        var patientId = Documents.Fhir.FhirExport.PatientId(userId);
        var jobs = await db.BulkExportFiles
            .Where(f => f.Content.Contains(userId) || f.Content.Contains(patientId))
            .Where(f => clinicianId == null || db.BulkExportJobs.Any(j => j.Id == f.JobId && j.ClinicianId == clinicianId))
            .Select(f => f.JobId).Distinct()
            .ToListAsync(cancellationToken);
        await db.BulkExportFiles.Where(f => jobs.Contains(f.JobId)).ExecuteDeleteAsync(cancellationToken);
        return await db.BulkExportJobs.Where(j => jobs.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the oldest waiting job, or one whose claim lapsed, for this instance. The claim is one conditional
    /// update: of two instances racing for a job, one changes the row and the other changes nothing and moves on.
    /// </summary>
    public async Task<Claim?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var candidates = await db.BulkExportJobs.AsNoTracking()
            .Where(j => j.Status == Accepted || (j.Status == Running && j.ExpiresAt < now))
            .OrderBy(j => j.RequestedAt).Select(j => j.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var lease = now + Lease;
            var claimed = await db.BulkExportJobs
                .Where(j => j.Id == id && (j.Status == Accepted || (j.Status == Running && j.ExpiresAt < now)))
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, Running).SetProperty(j => j.ExpiresAt, lease), cancellationToken);
            if (claimed == 1)
            {
                var job = await db.BulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
                return new Claim(job, lease);
            }
        }
        return null;
    }

    /// <summary>Extends this instance's claim; null when the job was cancelled or claimed by another instance meanwhile.</summary>
    public async Task<Claim?> RenewAsync(Claim claim, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var lease = now + Lease;
        var renewed = await db.BulkExportJobs.Where(j => j.Id == claim.Job.Id && j.Status == Running && j.ExpiresAt == claim.LeaseUntil)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ExpiresAt, lease), cancellationToken);
        return renewed == 1 ? claim with { LeaseUntil = lease } : null;
    }

    /// <summary>
    /// Stores the files and marks the job complete in one transaction, only while this instance still holds the claim;
    /// false (nothing written) when the job was cancelled or taken over.
    /// </summary>
    public async Task<bool> CompleteAsync(
        Claim claim, IReadOnlyList<BulkExportFileRecord> files, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var done = await db.BulkExportJobs.Where(j => j.Id == claim.Job.Id && j.Status == Running && j.ExpiresAt == claim.LeaseUntil)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, Complete).SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.ExpiresAt, expiresAt), cancellationToken);
        if (done != 1)
        {
            return false;
        }
        db.BulkExportFiles.AddRange(files);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Marks the job failed with a message fit for the clinician (never health data).</summary>
    public Task<int> FailAsync(Guid jobId, string error, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        db.BulkExportJobs.Where(j => j.Id == jobId && (j.Status == Running || j.Status == Accepted))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, Failed).SetProperty(j => j.Error, error)
                .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.ExpiresAt, expiresAt), cancellationToken);

    /// <summary>
    /// Deletes ended jobs (and their files) past their expiry, and fails jobs that no instance finished in
    /// <see cref="GiveUpAfter"/>, so a job that kills every instance that takes it is not retried for ever.
    /// </summary>
    public async Task<int> TidyAsync(DateTimeOffset now, DateTimeOffset failedExpiresAt, CancellationToken cancellationToken = default)
    {
        var stale = now - GiveUpAfter;
        await db.BulkExportJobs.Where(j => (j.Status == Running || j.Status == Accepted) && j.RequestedAt < stale)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, Failed)
                .SetProperty(j => j.Error, "The export did not finish in time. Please start it again.")
                .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.ExpiresAt, failedExpiresAt), cancellationToken);
        // Files first: SQLite's bulk delete does not rely on the cascade being on for every connection.
        var expired = db.BulkExportJobs.Where(j => (j.Status == Complete || j.Status == Failed) && j.ExpiresAt < now).Select(j => j.Id);
        await db.BulkExportFiles.Where(f => expired.Contains(f.JobId)).ExecuteDeleteAsync(cancellationToken);
        return await db.BulkExportJobs.Where(j => (j.Status == Complete || j.Status == Failed) && j.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
