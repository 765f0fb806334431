using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Documents.Time;
using Nervewise.Domain.People;

namespace Nervewise.Web.Clinic;

/// <summary>
/// The parts of a record the clinician's pages add to <see cref="ClinicReader.OpenAsync"/>: who the person is, their
/// zone (adherence counts their own days), and the names of the people who wrote notes or changed the plan. Called
/// only after OpenAsync has checked the share.
/// </summary>
public sealed class RecordReader(NervewiseDbContext db)
{
    /// <summary>The person: their shown name, birth date if given, and their zone (null before they chose one).</summary>
    public sealed record Person(string Name, DateOnly? BirthDate, PersonZone? Zone)
    {
        /// <summary>The person's calendar day of a stored time: in their zone, or by the offset it was written with.</summary>
        public DateOnly DateOf(DateTimeOffset time) => Zone?.DateOf(time) ?? DateOnly.FromDateTime(time.DateTime);

        /// <summary>Whole years on <paramref name="today"/>, or null without a birth date.</summary>
        public int? AgeOn(DateOnly today) => BirthDate is { } born
            ? today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0)
            : null;
    }

    public sealed record Note(string Who, DateTimeOffset At, string Text);

    public async Task<Person> PersonAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == patientId)
            .Select(u => new { u.DisplayName, u.Email, u.DateOfBirth, u.TimeZone }).SingleAsync(cancellationToken);
        return new Person(PersonName.Shown(user.DisplayName, user.Email), user.DateOfBirth, PersonZone.Find(user.TimeZone));
    }

    /// <summary>The clinicians' notes, newest first, each signed with the clinician's name (their email's first part for older accounts).</summary>
    public async Task<List<Note>> NotesAsync(string patientId, CancellationToken cancellationToken = default) =>
        [.. (await db.ClinicianNotes.AsNoTracking().Where(n => n.PatientId == patientId)
                .OrderByDescending(n => n.At)
                .Select(n => new { n.At, n.Text, n.ClinicianEmail, Name = n.Clinician == null ? null : n.Clinician.DisplayName })
                .ToListAsync(cancellationToken))
            .Select(n => new Note(PersonName.Shown(n.Name, n.ClinicianEmail), n.At, n.Text))];

    /// <summary>Shown names of the given accounts, for "changed by"; ids of deleted accounts are left out.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => PersonName.Shown(u.DisplayName, u.Email));
    }
}
