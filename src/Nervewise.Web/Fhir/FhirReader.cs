using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Export;

namespace Nervewise.Web.Fhir;

/// <summary>
/// Whose records a token may read, and loading only those a request needs. A person reads themselves; a clinician
/// reads the people who share with them, through the same CareTeamStore query as the pages, on every request, and each
/// person whose data a clinician receives goes into that person's access log (once per request).
/// </summary>
public sealed class FhirReader(NervewiseDbContext db, CareTeamStore careTeam, TimeProvider clock)
{
    public const string AccessLogWhat = "FHIR API";

    /// <summary>A person the token may read: their user id and FHIR Patient id.</summary>
    public sealed record Person(string UserId, string PatientId);

    /// <summary>The people this caller may read a type of resource of (for reading, or for searching).</summary>
    public async Task<List<Person>> ReadableAsync(FhirCaller caller, string type, bool search, CancellationToken cancellationToken)
    {
        var asUser = FhirScopes.Allow(caller.Scopes, FhirScopes.Context.User, type, search);
        var asPatient = caller.PatientContext is not null && FhirScopes.Allow(caller.Scopes, FhirScopes.Context.Patient, type, search);
        if (!asUser && !asPatient)
        {
            return [];
        }
        // Only ids here: nobody's record is loaded to decide who may be read.
        var ids = caller.IsClinician
            ? await careTeam.PatientIdsOf(caller.UserId).ToListAsync(cancellationToken)
            : [caller.UserId];
        var people = ids.Select(id => new Person(id, FhirSource.PatientId(id)));
        return asUser ? [.. people] : [.. people.Where(p => p.PatientId == caller.PatientContext)];
    }

    /// <summary>
    /// The records a read by id has to look through. When the id is one of our own rows (a diary entry or an
    /// assessment), only its owner's, or none when the owner is not readable; otherwise everyone readable.
    /// </summary>
    public async Task<IReadOnlyList<Person>> WhoseAsync(IReadOnlyList<Person> readable, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var rowId))
        {
            return readable;
        }
        var owner = await db.DiaryEntries.AsNoTracking().Where(e => e.Id == rowId).Select(e => e.UserId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Assessments.AsNoTracking().Where(a => a.Id == rowId).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? readable : [.. readable.Where(p => p.UserId == owner)];
    }

    /// <summary>The resources of these people's records, person by person in a stable order (by user id, then as the record lists them).</summary>
    public async Task<List<(Person Person, Resource Resource)>> LoadAsync(
        IEnumerable<Person> people, Uri fhirBase, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = new List<(Person, Resource)>();
        foreach (var person in people.OrderBy(p => p.UserId, StringComparer.Ordinal))
        {
            var record = await FhirRecord.LoadAsync(db, person.UserId, now, cancellationToken);
            all.AddRange(FhirSource.Resources(record, now, fhirBase).Select(r => (person, r)));
        }
        return all;
    }

    /// <summary>
    /// Logs a clinician's read of each person, checking the share again as it does: the people whose share stopped
    /// meanwhile are returned, so their data is dropped from the answer.
    /// </summary>
    public async Task<HashSet<string>> LogAsync(FhirCaller caller, IEnumerable<Person> people, CancellationToken cancellationToken)
    {
        var refused = new HashSet<string>(StringComparer.Ordinal);
        if (!caller.IsClinician)
        {
            return refused;
        }
        foreach (var person in people.DistinctBy(p => p.UserId))
        {
            if (!await careTeam.OpenRecordAsync(caller.UserId, person.UserId, AccessLogWhat, cancellationToken))
            {
                refused.Add(person.UserId);
            }
        }
        return refused;
    }
}
