using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nervewise.Data.Identity;

namespace Nervewise.Data.CareTeam;

/// <summary>An invitation a person makes for their clinician. Only a hash of the code is stored.</summary>
public class ShareInviteRecord
{
    public Guid Id { get; set; }

    public required string PatientId { get; set; }

    /// <summary>SHA-256 of the normalised code, hex. The code itself is shown once, to the person.</summary>
    public required string CodeHash { get; set; }

    /// <summary>When set, only the clinician with this email can accept.</summary>
    public string? ClinicianEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public NervewiseUser? Patient { get; set; }
}

/// <summary>A person's consent for one clinician to read their record. Revoking keeps the row, for the record.</summary>
public class ShareRecord
{
    public Guid Id { get; set; }

    public required string PatientId { get; set; }

    public required string ClinicianId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public NervewiseUser? Patient { get; set; }

    public NervewiseUser? Clinician { get; set; }
}

/// <summary>
/// One time a clinician opened part of a person's record: the person can read these. The row outlives the
/// clinician's account (its id becomes null), so deleting an account cannot hide a read.
/// </summary>
public class RecordAccessRecord
{
    public long Id { get; set; }

    public required string PatientId { get; set; }

    /// <summary>Null once the clinician has deleted their account.</summary>
    public string? ClinicianId { get; set; }

    /// <summary>The clinician's email when they opened the record, kept after their account is gone.</summary>
    public required string ClinicianEmail { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What was opened, in plain words ("record", "report", "FHIR export").</summary>
    public required string What { get; set; }

    public NervewiseUser? Clinician { get; set; }
}

/// <summary>A clinician's note on a person's record; the person sees it too, also after the clinician's account is gone.</summary>
public class ClinicianNoteRecord
{
    public Guid Id { get; set; }

    public required string PatientId { get; set; }

    /// <summary>Null once the clinician has deleted their account.</summary>
    public string? ClinicianId { get; set; }

    /// <summary>The clinician's email when they wrote the note, kept after their account is gone.</summary>
    public required string ClinicianEmail { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Text { get; set; }

    public NervewiseUser? Clinician { get; set; }
}

internal sealed class CareTeamConfiguration :
    IEntityTypeConfiguration<ShareInviteRecord>, IEntityTypeConfiguration<ShareRecord>,
    IEntityTypeConfiguration<RecordAccessRecord>, IEntityTypeConfiguration<ClinicianNoteRecord>
{
    public const int MaxNoteLength = 4000;
    public const int MaxEmailLength = 256;

    public void Configure(EntityTypeBuilder<ShareInviteRecord> builder)
    {
        builder.ToTable("ShareInvites");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CodeHash).HasMaxLength(64);
        builder.Property(e => e.ClinicianEmail).HasMaxLength(256);
        builder.HasIndex(e => e.CodeHash).IsUnique();
        builder.HasIndex(e => e.PatientId);
        builder.HasOne(e => e.Patient).WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ShareRecord> builder)
    {
        builder.ToTable("Shares");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.ClinicianId, e.PatientId });
        builder.HasIndex(e => e.PatientId);
        builder.HasOne(e => e.Patient).WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a clinician's account removes their access too; a person's data never depends on a clinician.
        builder.HasOne(e => e.Clinician).WithMany().HasForeignKey(e => e.ClinicianId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RecordAccessRecord> builder)
    {
        builder.ToTable("RecordAccessLog");
        builder.Property(e => e.What).HasMaxLength(64);
        builder.Property(e => e.ClinicianEmail).HasMaxLength(MaxEmailLength);
        builder.HasIndex(e => new { e.PatientId, e.At });
        builder.HasOne<NervewiseUser>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The person's audit trail stays when the clinician's account goes: a read cannot be hidden by deleting.
        builder.HasOne(e => e.Clinician).WithMany().HasForeignKey(e => e.ClinicianId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ClinicianNoteRecord> builder)
    {
        builder.ToTable("ClinicianNotes");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Text).HasMaxLength(MaxNoteLength);
        builder.Property(e => e.ClinicianEmail).HasMaxLength(MaxEmailLength);
        builder.HasIndex(e => new { e.PatientId, e.At });
        builder.HasOne<NervewiseUser>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        // A note is part of the person's record: it stays, with who wrote it, when the clinician's account goes.
        builder.HasOne(e => e.Clinician).WithMany().HasForeignKey(e => e.ClinicianId).OnDelete(DeleteBehavior.SetNull);
    }
}
