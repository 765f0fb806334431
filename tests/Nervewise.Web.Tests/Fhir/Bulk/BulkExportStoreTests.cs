using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.Fhir;
using Nervewise.Data.Identity;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Fhir.Bulk;

public sealed class BulkExportStoreTestsOnSqlite() : BulkExportStoreTests(DatabaseProvider.Sqlite);

public sealed class BulkExportStoreTestsOnPostgres() : BulkExportStoreTests(DatabaseProvider.Postgres);

/// <summary>The job table as several web instances share it: one claim per job, a dead instance's job retried, expiry.</summary>
public abstract class BulkExportStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> QueueAsync(int minutesLater = 0)
    {
        await using var db = _database.OpenContext();
        var clinician = new NervewiseUser { UserName = "physio@example.com", Email = "physio@example.com" };
        if (await db.Users.SingleOrDefaultAsync(u => u.Email == clinician.Email) is { } existing)
        {
            clinician = existing;
        }
        else
        {
            db.Users.Add(clinician);
        }
        var job = new BulkExportJobRecord
        {
            Id = Guid.NewGuid(), ClinicianId = clinician.Id, RequestedAt = Now.AddMinutes(minutesLater), Status = BulkExportStore.Accepted,
            RequestUrl = "http://localhost/fhir/Group/caseload/$export", ExpiresAt = Now.AddHours(1),
        };
        db.BulkExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private static BulkExportFileRecord File(Guid jobId) =>
        new() { Id = Guid.NewGuid(), JobId = jobId, ResourceType = "Patient", Part = 1, Count = 1, Content = "{}\n" };

    [Fact]
    public async Task Of_instances_racing_for_one_job_exactly_one_claims_it()
    {
        var id = await QueueAsync();
        var contexts = Enumerable.Range(0, 4).Select(_ => _database.OpenContext()).ToList();

        var claims = await Task.WhenAll(contexts.Select(db => new BulkExportStore(db).ClaimAsync(Now)));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(id, claims.Single(c => c is not null)!.Job.Id);
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_job_whose_instance_died_is_claimed_again_after_the_lease_and_the_first_claim_can_no_longer_complete()
    {
        var id = await QueueAsync();
        await using var db = _database.OpenContext();
        var store = new BulkExportStore(db);
        var first = await store.ClaimAsync(Now);
        Assert.NotNull(first);

        Assert.Null(await store.ClaimAsync(Now.AddSeconds(30)));
        var second = await store.ClaimAsync(Now + BulkExportStore.Lease + TimeSpan.FromSeconds(1));
        Assert.NotNull(second);
        Assert.Equal(id, second.Job.Id);

        Assert.Null(await store.RenewAsync(first, Now.AddMinutes(3)));
        Assert.False(await store.CompleteAsync(first, [File(id)], Now.AddMinutes(3), Now.AddDays(1)));
        Assert.True(await store.CompleteAsync(second, [File(id)], Now.AddMinutes(3), Now.AddDays(1)));
        Assert.Equal(1, await db.BulkExportFiles.CountAsync(f => f.JobId == id));
    }

    [Fact]
    public async Task A_cancelled_job_is_not_completed_by_the_instance_running_it()
    {
        var id = await QueueAsync();
        await using var db = _database.OpenContext();
        var store = new BulkExportStore(db);
        var claim = await store.ClaimAsync(Now);
        var clinicianId = claim!.Job.ClinicianId;

        Assert.True(await store.DeleteAsync(id, clinicianId));

        Assert.False(await store.CompleteAsync(claim, [File(id)], Now.AddMinutes(1), Now.AddDays(1)));
        Assert.Equal(0, await db.BulkExportFiles.CountAsync());
    }

    [Fact]
    public async Task Expired_jobs_and_their_files_are_deleted_and_a_job_nobody_finishes_fails()
    {
        var done = await QueueAsync();
        var stuck = await QueueAsync(minutesLater: 1);
        await using var db = _database.OpenContext();
        var store = new BulkExportStore(db);
        var claim = await store.ClaimAsync(Now);
        Assert.Equal(done, claim!.Job.Id);
        Assert.True(await store.CompleteAsync(claim, [File(done)], Now, Now.AddDays(1)));

        await store.TidyAsync(Now.AddHours(2), Now.AddDays(3));
        Assert.Equal(BulkExportStore.Failed, (await db.BulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == stuck)).Status);
        Assert.True(await db.BulkExportJobs.AnyAsync(j => j.Id == done));

        await store.TidyAsync(Now.AddDays(1).AddMinutes(1), Now.AddDays(3));
        Assert.False(await db.BulkExportJobs.AnyAsync(j => j.Id == done));
        Assert.Equal(0, await db.BulkExportFiles.CountAsync());
        Assert.True(await db.BulkExportJobs.AnyAsync(j => j.Id == stuck));
    }
}
