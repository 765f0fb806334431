using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Domain.People;

namespace Nervewise.Web.Clinic;

/// <summary>
/// The person a clinician is looking at, for the header: any page under <c>/clinic/patients/{id}</c> names them and
/// links back to their record. Only someone who shares with the clinician is named; any other id names nobody.
/// </summary>
public sealed record ViewedPerson(string Id, string Name)
{
    public string RecordAddress => $"/clinic/patients/{Uri.EscapeDataString(Id)}";

    /// <summary>The person's id from a clinic address, or null when the address is not about one person.</summary>
    public static string? IdIn(PathString path)
    {
        var parts = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && string.Equals(parts[0], "clinic", StringComparison.OrdinalIgnoreCase)
            && string.Equals(parts[1], "patients", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(parts[2])
            : null;
    }

    /// <summary>One query: the person, only while they share with this clinician.</summary>
    public static async Task<ViewedPerson?> FindAsync(NervewiseDbContext db, string clinicianId, PathString path, CancellationToken cancellationToken)
    {
        if (IdIn(path) is not { } id)
        {
            return null;
        }
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && db.Shares.Any(s => s.PatientId == id && s.ClinicianId == clinicianId && s.RevokedAt == null))
            .Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : new ViewedPerson(id, PersonName.Shown(person.DisplayName, person.Email));
    }
}
