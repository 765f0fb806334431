using System.Security.Claims;
using Nervewise.Domain.Time;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// The signed-in reader's time zone travels in the sign-in cookie, so showing a time costs no database read.
/// Pages show every time through <see cref="Zone"/>; clinicians see their own zone, not their patients'.
/// </summary>
public static class ReaderZone
{
    public const string Claim = "nervewise:zone";

    public static PersonZone Zone(this ClaimsPrincipal user) => PersonZone.OrUtc(user.FindFirstValue(Claim));

    /// <summary>True when the account has never chosen a zone, so pages can offer the device's.</summary>
    public static bool ZoneMissing(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && PersonZone.Find(user.FindFirstValue(Claim)) is null;
}
