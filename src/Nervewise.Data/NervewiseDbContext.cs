using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nervewise.Data.Assessments;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Diary;
using Nervewise.Data.Fhir;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;

namespace Nervewise.Data;

/// <summary>
/// The one database of the product. Each provider has its own subclass so that each keeps its own
/// migrations (ADR 0002); code everywhere else asks for this base type.
/// </summary>
public class NervewiseDbContext(DbContextOptions options)
    : IdentityDbContext<NervewiseUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Data Protection keys, shared by every web instance so they accept each other's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AssessmentRecord> Assessments => Set<AssessmentRecord>();

    public DbSet<DiaryEntryRecord> DiaryEntries => Set<DiaryEntryRecord>();

    public DbSet<ShareInviteRecord> ShareInvites => Set<ShareInviteRecord>();

    public DbSet<ShareRecord> Shares => Set<ShareRecord>();

    public DbSet<RecordAccessRecord> RecordAccessLog => Set<RecordAccessRecord>();

    public DbSet<ClinicianNoteRecord> ClinicianNotes => Set<ClinicianNoteRecord>();

    public DbSet<PlanSettingsRecord> PlanSettings => Set<PlanSettingsRecord>();

    public DbSet<PlanSettingsChangeRecord> PlanSettingsChanges => Set<PlanSettingsChangeRecord>();

    public DbSet<BulkExportJobRecord> BulkExportJobs => Set<BulkExportJobRecord>();

    public DbSet<BulkExportFileRecord> BulkExportFiles => Set<BulkExportFileRecord>();

    public DbSet<ServerKeyRecord> ServerKeys => Set<ServerKeyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The SMART on FHIR sign-in server's apps, approvals and tokens (OpenIddict's own tables, string keys).
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(NervewiseDbContext).Assembly);
    }
}

public sealed class SqliteNervewiseDbContext(DbContextOptions<SqliteNervewiseDbContext> options)
    : NervewiseDbContext(options)
{
    // SQLite cannot compare or order DateTimeOffset text; a sortable number keeps "newest first" in SQL (ADR 0004).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresNervewiseDbContext(DbContextOptions<PostgresNervewiseDbContext> options)
    : NervewiseDbContext(options);
