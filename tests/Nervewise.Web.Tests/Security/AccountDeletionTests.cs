using System.Collections;
using System.Net;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Pages.Account;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Security;

public sealed class AccountDeletionTestsOnSqlite() : AccountDeletionTests(DatabaseProvider.Sqlite);

public sealed class AccountDeletionTestsOnPostgres() : AccountDeletionTests(DatabaseProvider.Postgres);

/// <summary>Deleting an account leaves no row that names the person, in any table the model has, today or later.</summary>
public abstract class AccountDeletionTests(DatabaseProvider provider) : AppTest(provider)
{
    // Tables that hold nobody's data, or Identity features Nervewise does not use (outside sign-in, claims, passkeys).
    private static readonly HashSet<Type> NotPersonal =
    [
        typeof(DataProtectionKey), typeof(IdentityRole), typeof(IdentityRoleClaim<string>),
        typeof(IdentityUserClaim<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>),
        typeof(IdentityUserPasskey<string>),
        // SMART on FHIR: the registered apps, scopes and the server's keys belong to the server, not to a person.
        typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication),
        typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope),
        typeof(Data.Fhir.ServerKeyRecord),
        // A bulk export belongs to the clinician who ran it (deleted with their account); a person's data inside its
        // files goes when the person deletes their account (the test below).
        typeof(Data.Fhir.BulkExportJobRecord), typeof(Data.Fhir.BulkExportFileRecord),
    ];

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string password = Forms.GoodPassword, bool understood = true) =>
        client.SubmitAsync("/account/delete", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.Understood"] = understood ? "true" : "false",
        });

    [Fact]
    public async Task Deleting_removes_every_row_of_the_person_and_their_shares_but_nobody_else_s()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        var other = await FullRecord.MakeAsync(this, App, Database, "other@example.com", "physio2@example.com");
        var before = await RowsNamingAsync(record.PatientId);
        var untouched = NotPersonal.Concat(before.Keys).ToHashSet();
        var everyTable = ModelTypes().Where(t => !untouched.Contains(t)).ToList();
        Assert.True(everyTable.Count == 0, $"No test data names the person in: {string.Join(", ", everyTable.Select(t => t.Name))}. " +
            "Add a row to FullRecord so that deletion is checked there too.");

        using var deleted = await DeleteAsync(record.Patient);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/account/deleted", deleted.Headers.Location?.OriginalString);
        Assert.Empty(await RowsNamingAsync(record.PatientId));
        Assert.Equal(before.Keys.Select(t => t.Name).Order(), (await RowsNamingAsync(other.PatientId)).Keys.Select(t => t.Name).Order());
        Assert.Contains(typeof(Data.CareTeam.ShareRecord), before.Keys);
        // The clinician keeps their account, and loses the record at once.
        Assert.NotEmpty(await RowsNamingAsync(record.ClinicianId));
        using var gone = await record.Clinician.GetAsync($"/clinic/patients/{record.PatientId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        // Signed out, and the old cookie no longer opens anything.
        using var after = await record.Patient.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var signIn = await App.Browser().SignInAsync("pat@example.com");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again: no such account
    }

    [Fact]
    public async Task Deleting_removes_every_bulk_export_holding_the_person_s_data_and_leaves_the_others()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        var other = await FullRecord.MakeAsync(this, App, Database, "other@example.com", "physio2@example.com");
        Guid mine, theirs;
        await using (var db = Database.OpenContext())
        {
            mine = await ExportHoldingAsync(db, record.ClinicianId, record.PatientId, other.PatientId);
            theirs = await ExportHoldingAsync(db, other.ClinicianId, other.PatientId);
        }

        using var deleted = await DeleteAsync(record.Patient);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var after = Database.OpenContext();
        Assert.Equal([theirs], await after.BulkExportJobs.Select(j => j.Id).ToListAsync());
        Assert.DoesNotContain(await after.BulkExportFiles.ToListAsync(), f => f.JobId == mine || f.Content.Contains(Documents.Fhir.FhirExport.PatientId(record.PatientId)));
    }

    // A finished export whose Observation file holds these people, each named as the export names them.
    private static async Task<Guid> ExportHoldingAsync(NervewiseDbContext db, string clinicianId, params string[] people)
    {
        var job = new Data.Fhir.BulkExportJobRecord
        {
            Id = Guid.NewGuid(), ClinicianId = clinicianId, Status = Data.Fhir.BulkExportStore.Complete,
            RequestUrl = "http://localhost/fhir/Group/caseload/$export", RequestedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        };
        db.BulkExportJobs.Add(job);
        // Observations only (an export with _type=Observation): they name the person by their FHIR Patient id alone.
        var lines = people.Select(p => $"{{\"resourceType\":\"Observation\",\"status\":\"final\",\"subject\":{{\"reference\":\"Patient/{Documents.Fhir.FhirExport.PatientId(p)}\"}}}}");
        db.BulkExportFiles.Add(new Data.Fhir.BulkExportFileRecord
        {
            Id = Guid.NewGuid(), JobId = job.Id, ResourceType = "Observation", Part = 1, Count = people.Length, Content = string.Join('\n', lines),
        });
        await db.SaveChangesAsync();
        return job.Id;
    }

    [Fact]
    public async Task A_clinician_who_deletes_their_account_leaves_the_people_s_own_records()
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");

        using var deleted = await DeleteAsync(record.Clinician);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var db = Database.OpenContext();
        Assert.Empty(await db.Shares.ToListAsync());
        // The person's audit trail and the notes stay, with the clinician's email and no account id (AuditTrailTests).
        Assert.All(await db.RecordAccessLog.ToListAsync(), a => Assert.Null(a.ClinicianId));
        Assert.NotEmpty(await db.RecordAccessLog.ToListAsync());
        Assert.Null(Assert.Single(await db.ClinicianNotes.ToListAsync()).ClinicianId);
        Assert.Single(await db.DiaryEntries.ToListAsync());
        Assert.Single(await db.Assessments.ToListAsync());
    }

    [Theory]
    [InlineData("wrong password here", true, DeleteModel.WrongPassword)]
    [InlineData(Forms.GoodPassword, false, "Tick the box")]
    [InlineData("", true, "Enter your password")]
    public async Task Without_the_password_and_the_tick_nothing_is_deleted(string password, bool understood, string message)
    {
        var record = await FullRecord.MakeAsync(this, App, Database, "pat@example.com", "physio@example.com");
        var before = await RowsNamingAsync(record.PatientId);

        using var refused = await DeleteAsync(record.Patient, password, understood);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await RowsNamingAsync(record.PatientId);
        Assert.Equal(before.ToDictionary(p => p.Key, p => p.Value), after.ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>Every entity type in the model, so a table added later is covered without touching this test.</summary>
    private IEnumerable<Type> ModelTypes()
    {
        using var db = Database.OpenContext();
        return [.. db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType)];
    }

    /// <summary>Per entity type, how many rows have a column equal to the person's id or email.</summary>
    private async Task<Dictionary<Type, int>> RowsNamingAsync(string userId)
    {
        await using var db = Database.OpenContext();
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync();
        var counts = new Dictionary<Type, int>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var set = (IEnumerable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!;
            var properties = entityType.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
            var count = set.Cast<object>().Count(row => properties.Any(p =>
                p.PropertyInfo!.GetValue(row) is string value && (value == userId || (email is not null && value.Equals(email, StringComparison.OrdinalIgnoreCase)))));
            if (count > 0)
            {
                counts[entityType.ClrType] = count;
            }
        }
        return counts;
    }
}
