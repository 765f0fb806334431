using NodaTime;
using NodaTime.TimeZones;

namespace Nervewise.Documents.Time;

/// <summary>
/// A reader's own time zone (an IANA id such as <c>Europe/Berlin</c>). Everything the product shows is put into it;
/// NodaTime's copy of the tz database knows the daylight-saving rules, so a day is the day the person lives in.
/// </summary>
public sealed class PersonZone
{
    public static readonly PersonZone Utc = new(DateTimeZone.Utc, "UTC");

    private PersonZone(DateTimeZone zone, string id)
    {
        Zone = zone;
        Id = id;
    }

    public string Id { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Every zone a person may choose, canonical ids only (no "US/Pacific" style aliases), sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. TzdbDateTimeZoneSource.Default.CanonicalIdMap
        .Where(pair => pair.Key == pair.Value && pair.Key.Contains('/') && !pair.Key.StartsWith("Etc/", StringComparison.Ordinal))
        .Select(pair => pair.Key)
        .Append("UTC")
        .Order(StringComparer.Ordinal)];

    // Pages ask for the reader's zone for every time they show; one instance per id keeps that a dictionary read.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PersonZone?> Known = new(StringComparer.Ordinal);

    /// <summary>The zone for an IANA id, or null when the id is unknown. Aliases are accepted and kept as given.</summary>
    public static PersonZone? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        id = id.Trim();
        if (Known.TryGetValue(id, out var known))
        {
            return known;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        var found = zone is null ? null : new PersonZone(zone, id);
        // Unknown ids are not kept: anyone can post one, and the cache must not grow with them.
        return found is null ? null : Known.GetOrAdd(id, found);
    }

    /// <summary>The zone for a stored id; UTC for accounts that have none yet.</summary>
    public static PersonZone OrUtc(string? id) => Find(id) ?? Utc;

    /// <summary>The same instant as the reader's wall clock shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) =>
        instant.ToOffset(Zone.GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan());

    /// <summary>The reader's calendar date at an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The instant the reader's day begins (not always midnight: some zones skip it).</summary>
    public DateTimeOffset StartOf(DateOnly date) =>
        Zone.AtStartOfDay(new LocalDate(date.Year, date.Month, date.Day)).ToDateTimeOffset();

    /// <summary>
    /// A wall-clock time on a date. A time skipped by a spring-forward change moves later by the gap; a time that
    /// happens twice in autumn is the first of the two.
    /// </summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) =>
        Zone.AtLeniently(new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second)).ToDateTimeOffset();

    public override string ToString() => Id;
}
