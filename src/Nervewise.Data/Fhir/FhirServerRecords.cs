using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nervewise.Data.Fhir;

/// <summary>
/// A clinician's bulk export (FHIR Bulk Data, async pattern). Kept in the database, not in memory, so that any web
/// instance can answer the status request and serve the files.
/// </summary>
public sealed class BulkExportJobRecord
{
    public Guid Id { get; set; }

    public required string ClinicianId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>"accepted", "running", "complete", "failed" or "cancelled".</summary>
    public required string Status { get; set; }

    /// <summary>The kick-off request's URL, echoed in the manifest as the Bulk Data spec asks.</summary>
    public required string RequestUrl { get; set; }

    /// <summary>The requested resource types (the <c>_type</c> parameter), comma separated; null for all.</summary>
    public string? Types { get; set; }

    public DateTimeOffset? Since { get; set; }

    /// <summary>The caseload's person filter (its <c>show</c> value), null for everyone who shares.</summary>
    public string? PersonFilter { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>When the job and its files are deleted.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One NDJSON file of a bulk export: one resource type, one part.</summary>
public sealed class BulkExportFileRecord
{
    public Guid Id { get; set; }

    public Guid JobId { get; set; }

    public required string ResourceType { get; set; }

    public int Part { get; set; }

    public int Count { get; set; }

    public required string Content { get; set; }
}

/// <summary>
/// A key of the sign-in server (OpenIddict): "signing" or "encryption", the private key protected with ASP.NET Data
/// Protection. Kept in the database so every web instance signs and reads the same tokens.
/// </summary>
public sealed class ServerKeyRecord
{
    public required string Id { get; set; }

    public required string Purpose { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string ProtectedKey { get; set; }
}

internal sealed class BulkExportJobConfiguration : IEntityTypeConfiguration<BulkExportJobRecord>
{
    public void Configure(EntityTypeBuilder<BulkExportJobRecord> builder)
    {
        builder.ToTable("BulkExportJobs");
        builder.Property(j => j.ClinicianId).HasMaxLength(450);
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.RequestUrl).HasMaxLength(2000);
        builder.Property(j => j.Types).HasMaxLength(500);
        builder.Property(j => j.PersonFilter).HasMaxLength(50);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasIndex(j => new { j.ClinicianId, j.RequestedAt });
        builder.HasIndex(j => j.ExpiresAt);
        builder.HasOne<Identity.NervewiseUser>().WithMany().HasForeignKey(j => j.ClinicianId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BulkExportFileConfiguration : IEntityTypeConfiguration<BulkExportFileRecord>
{
    public void Configure(EntityTypeBuilder<BulkExportFileRecord> builder)
    {
        builder.ToTable("BulkExportFiles");
        builder.Property(f => f.ResourceType).HasMaxLength(64);
        builder.HasIndex(f => new { f.JobId, f.ResourceType, f.Part }).IsUnique();
        builder.HasOne<BulkExportJobRecord>().WithMany().HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKeyRecord>
{
    public void Configure(EntityTypeBuilder<ServerKeyRecord> builder)
    {
        builder.ToTable("ServerKeys");
        builder.Property(k => k.Id).HasMaxLength(100);
        builder.Property(k => k.Purpose).HasMaxLength(20);
        builder.HasIndex(k => new { k.Purpose, k.CreatedAt });
    }
}
