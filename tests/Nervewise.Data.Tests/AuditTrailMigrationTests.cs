using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nervewise.Testing;

namespace Nervewise.Data.Tests;

public sealed class AuditTrailMigrationOnSqlite() : AuditTrailMigrationTests(DatabaseProvider.Sqlite);

public sealed class AuditTrailMigrationOnPostgres() : AuditTrailMigrationTests(DatabaseProvider.Postgres);

/// <summary>
/// The AuditTrailKept migration on a database that already holds data: the rows keep their clinician's email, a
/// later deletion of that clinician leaves them, and every existing account can still sign in (email confirmed).
/// </summary>
public abstract class AuditTrailMigrationTests(DatabaseProvider provider)
{
    private const string Before = "PlanPathway";
    private const string Migration = "AuditTrailKept";

    [Fact]
    public async Task Existing_rows_get_the_clinician_s_email_and_outlive_the_clinician_and_every_account_is_confirmed()
    {
        await using var database = await EmptyAsync();
        await using (var db = database.OpenContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            Assert.Contains(await db.Database.GetPendingMigrationsAsync(), m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
            await InsertUserAsync(db, "patient-1", "pat@example.com");
            await InsertUserAsync(db, "clinician-1", "physio@example.com");
            var rows = $"""
                INSERT INTO "RecordAccessLog" ("PatientId", "ClinicianId", "At", "What") VALUES ('patient-1', 'clinician-1', {When}, 'report');
                INSERT INTO "ClinicianNotes" ("Id", "PatientId", "ClinicianId", "At", "Text") VALUES ('{NoteId}', 'patient-1', 'clinician-1', {When}, 'Keep walking daily.');
                """;
            await db.Database.ExecuteSqlRawAsync(rows);
        }

        await using (var db = database.OpenContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = database.OpenContext())
        {
            var access = await db.RecordAccessLog.SingleAsync();
            Assert.Equal(("clinician-1", "physio@example.com"), (access.ClinicianId, access.ClinicianEmail));
            var note = await db.ClinicianNotes.SingleAsync();
            Assert.Equal(("clinician-1", "physio@example.com"), (note.ClinicianId, note.ClinicianEmail));
            Assert.All(await db.Users.ToListAsync(), u => Assert.True(u.EmailConfirmed, $"{u.Email} is not confirmed"));

            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == "clinician-1"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.OpenContext())
        {
            var access = await db.RecordAccessLog.SingleAsync();
            Assert.Equal((null, "physio@example.com"), (access.ClinicianId, access.ClinicianEmail));
            var note = await db.ClinicianNotes.SingleAsync();
            Assert.Equal((null, "physio@example.com"), (note.ClinicianId, note.ClinicianEmail));
        }
    }

    [Fact]
    public async Task A_clinician_deleted_in_SQL_leaves_the_rows_with_a_null_id()
    {
        await using var database = await EmptyAsync();
        await using var db = database.OpenContext();
        await db.Database.MigrateAsync();
        await InsertUserAsync(db, "patient-1", "pat@example.com");
        await InsertUserAsync(db, "clinician-1", "physio@example.com");
        // The database itself keeps the rows (ON DELETE SET NULL), whoever deletes the account.
        var sql = $"""
            INSERT INTO "RecordAccessLog" ("PatientId", "ClinicianId", "ClinicianEmail", "At", "What") VALUES ('patient-1', 'clinician-1', 'physio@example.com', {When}, 'record');
            DELETE FROM "AspNetUsers" WHERE "Id" = 'clinician-1';
            """;
        await db.Database.ExecuteSqlRawAsync(sql);

        var access = await db.RecordAccessLog.AsNoTracking().SingleAsync();
        Assert.Null(access.ClinicianId);
        Assert.Equal("physio@example.com", access.ClinicianEmail);
    }

    private async Task<TestDatabase> EmptyAsync()
    {
        var database = await TestDatabase.CreateEmptyAsync(provider);
        if (database.Settings.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        return database;
    }

    // SQLite stores times as a sortable number (ADR 0004), PostgreSQL as timestamptz; booleans likewise differ.
    private string When => provider == DatabaseProvider.Postgres ? "'2026-11-20T08:00:00Z'" : "0";

    // EF Core writes a Guid to SQLite as upper-case text.
    private static readonly string NoteId = Guid.NewGuid().ToString().ToUpperInvariant();

    private string False => provider == DatabaseProvider.Postgres ? "FALSE" : "0";

    private async Task InsertUserAsync(NervewiseDbContext db, string id, string email)
    {
        var sql = $"""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "MustChangePassword", "CreatedAt", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('{id}', '{email}', '{email.ToUpperInvariant()}', '{email}', '{email.ToUpperInvariant()}', {False},
                {False}, {When}, {False}, {False}, {False}, 0)
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
