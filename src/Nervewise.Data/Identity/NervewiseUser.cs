using Microsoft.AspNetCore.Identity;

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
}
