using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Nervewise.Domain.People;

namespace Nervewise.Data.Identity;

/// <summary>A person's account: a patient keeping a record, or a clinician they share it with.</summary>
public class NervewiseUser : IdentityUser
{
    /// <summary>Set for accounts made with a one-time password (the CLI); cleared at the first change.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The IANA time zone every page shows times in, e.g. <c>Europe/Berlin</c>; null until the person sets one (UTC).</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// When the person last opened what their clinician changed or wrote; Today tells them of anything newer until
    /// they do. Null: nothing seen yet, so everything from a clinician is news.
    /// </summary>
    public DateTimeOffset? ClinicianNewsSeenAt { get; set; }

    /// <summary>What the person or clinician is called on every page, report and export; null only for accounts made
    /// before names were asked for (pages then show the part of the email before the @).</summary>
    [MaxLength(PersonName.MaxLength)]
    public string? DisplayName { get; set; }

    /// <summary>Optional; lets a clinic match the record to its own (FHIR <c>Patient.birthDate</c>).</summary>
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>A clinician's profession line shown to the people who share with them, e.g. "Physiotherapist, Leeds Sports Clinic".</summary>
    [MaxLength(PersonName.MaxLength)]
    public string? Profession { get; set; }
}
