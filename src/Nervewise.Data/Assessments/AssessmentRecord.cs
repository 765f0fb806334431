using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nervewise.Data.Identity;

namespace Nervewise.Data.Assessments;

/// <summary>One completed assessment: the answers as given and the result as it was then.</summary>
public class AssessmentRecord
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    /// <summary>Plain JSON object of linkId to value.</summary>
    public required string AnswersJson { get; set; }

    /// <summary>The result document of the contract, kept as computed so later rule changes don't rewrite history.</summary>
    public required string ResultJson { get; set; }

    public required string PrimarySource { get; set; }

    public required string Urgency { get; set; }

    public required string QuestionnaireVersion { get; set; }

    public NervewiseUser? User { get; set; }
}

internal sealed class AssessmentRecordConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).IsRequired();
        builder.Property(a => a.PrimarySource).HasMaxLength(16);
        builder.Property(a => a.Urgency).HasMaxLength(16);
        builder.Property(a => a.QuestionnaireVersion).HasMaxLength(32);
        builder.HasIndex(a => new { a.UserId, a.TakenAt });
        // Deleting an account deletes its health data.
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
