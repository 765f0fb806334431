using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nervewise.Data.Identity;

namespace Nervewise.Data.Plan;

/// <summary>
/// One person's rehab plan settings (at most one row each). Empty fields mean "the plan's default": the stage read
/// from the diary, the agreed pain level and doses of rehab-plan.json.
/// </summary>
public class PlanSettingsRecord
{
    public required string UserId { get; set; }

    /// <summary>The stage as the contract spells it (sliders), set by the person or a clinician.</summary>
    public string? Stage { get; set; }

    /// <summary>The pathway as the contract spells it (nerve, muscle, tendon); empty for older rows and unpinned plans.</summary>
    public string? Pathway { get; set; }

    public DateTimeOffset? StageSince { get; set; }

    public int? AgreedPainLevel { get; set; }

    /// <summary>Per-exercise dose changes as JSON: {"slump-slider": {"reps": 8, "perWeek": 3}}.</summary>
    public required string DosesJson { get; set; }

    /// <summary>When a doctor or physiotherapist last checked the warning signs logged before it.</summary>
    public DateTimeOffset? SafetyCheckedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedById { get; set; }

    /// <summary>New on every save, so that two saves at once cannot silently overwrite each other.</summary>
    public Guid Version { get; set; }

    public NervewiseUser? User { get; set; }
}

/// <summary>Who changed which plan setting, when, from what to what. Kept when the one who changed it leaves.</summary>
public class PlanSettingsChangeRecord
{
    public Guid Id { get; set; }

    /// <summary>Whose plan it is.</summary>
    public required string UserId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedById { get; set; }

    /// <summary>"self" when the person changed their own plan, "clinician" otherwise.</summary>
    public required string ChangedByRole { get; set; }

    /// <summary>The field as the API names it: pathway, stage, agreedPainLevel, doses.slump-slider, safetyCheckedAt.</summary>
    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public NervewiseUser? User { get; set; }
}

internal sealed class PlanSettingsRecordConfiguration : IEntityTypeConfiguration<PlanSettingsRecord>
{
    public void Configure(EntityTypeBuilder<PlanSettingsRecord> builder)
    {
        builder.ToTable("PlanSettings");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Stage).HasMaxLength(32);
        builder.Property(p => p.Pathway).HasMaxLength(16);
        builder.Property(p => p.DosesJson).HasMaxLength(PlanSettingsStore.MaxDosesJson);
        builder.Property(p => p.UpdatedById).HasMaxLength(450);
        // A person and their clinician saving at once: the second save starts again from the first one's result.
        builder.Property(p => p.Version).IsConcurrencyToken();
        // Deleting an account deletes its health data.
        builder.HasOne(p => p.User).WithOne().HasForeignKey<PlanSettingsRecord>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanSettingsChangeRecordConfiguration : IEntityTypeConfiguration<PlanSettingsChangeRecord>
{
    public void Configure(EntityTypeBuilder<PlanSettingsChangeRecord> builder)
    {
        builder.ToTable("PlanSettingsChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChangedById).HasMaxLength(450);
        builder.Property(c => c.ChangedByRole).HasMaxLength(16);
        builder.Property(c => c.Field).HasMaxLength(96);
        builder.Property(c => c.OldValue).HasMaxLength(512);
        builder.Property(c => c.NewValue).HasMaxLength(512);
        builder.HasIndex(c => new { c.UserId, c.ChangedAt });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
