using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;

namespace Nervewise.Data.Diary;

/// <summary>One diary row as stored. The id is made by the client (or derived from an imported row) so a retry adds nothing.</summary>
public class DiaryEntryRecord
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The instant, in UTC, for ordering and ranges.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The UTC offset the time was written with, in minutes, so it reads back as written.</summary>
    public int OffsetMinutes { get; set; }

    public required string Type { get; set; }

    public required string Item { get; set; }

    public decimal? Value { get; set; }

    public int? DurationMinutes { get; set; }

    public required string Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public NervewiseUser? User { get; set; }

    public DateTimeOffset LocalTime => OccurredAt.ToOffset(TimeSpan.FromMinutes(OffsetMinutes));

    public DiaryEntry ToEntry() => Entry(OccurredAt, OffsetMinutes, Type, Item, Value, DurationMinutes, Note);

    /// <summary>The Domain entry from a row's columns (also for queries that read only these).</summary>
    internal static DiaryEntry Entry(DateTimeOffset occurredAt, int offsetMinutes, string type, string item, decimal? value, int? durationMinutes, string note) =>
        DiaryEntry.Create(
            occurredAt.ToOffset(TimeSpan.FromMinutes(offsetMinutes)),
            DiaryVocabulary.TryParse(type, out var parsed) ? parsed : throw new InvalidOperationException($"Stored type '{type}' is unknown."),
            item, value, durationMinutes, note);

    public void Set(DiaryEntry entry)
    {
        OccurredAt = entry.Time.ToUniversalTime();
        OffsetMinutes = (int)entry.Time.Offset.TotalMinutes;
        Type = DiaryVocabulary.Name(entry.Type);
        Item = entry.Item;
        Value = entry.Value;
        DurationMinutes = entry.DurationMinutes;
        Note = entry.Note;
    }
}

internal sealed class DiaryEntryRecordConfiguration : IEntityTypeConfiguration<DiaryEntryRecord>
{
    public void Configure(EntityTypeBuilder<DiaryEntryRecord> builder)
    {
        builder.ToTable("DiaryEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(16);
        builder.Property(e => e.Item).HasMaxLength(DiaryEntry.MaxSlugLength);
        builder.Property(e => e.Note).HasMaxLength(DiaryEntry.MaxNoteLength);
        builder.Property(e => e.Value).HasPrecision(9, 3);
        builder.Ignore(e => e.LocalTime);
        // A person's entries in time order, with the columns the timeline draws from and the type the safety state
        // filters on: both read the index alone, never each row (docs/performance.md, round 5).
        builder.HasIndex(e => new { e.UserId, e.OccurredAt, e.Type, e.OffsetMinutes, e.Item, e.Value });
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
