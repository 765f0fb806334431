using System.Security.Claims;
using Nervewise.Documents.Time;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// The signed-in reader's time zone travels in the sign-in cookie, so showing a time costs no database read.
/// Pages show every time through <see cref="Zone"/>; clinicians see their own zone, not their patients'.
/// </summary>
public static class ReaderZone
{
    public const string Claim = "nervewise:zone";

    public static PersonZone Zone(this ClaimsPrincipal user) => PersonZone.OrUtc(user.FindFirstValue(Claim));

    /// <summary>The zone the account chose, or null when it has none yet (or nobody is signed in).</summary>
    public static PersonZone? ZoneOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? PersonZone.Find(user.FindFirstValue(Claim)) : null;

    /// <summary>
    /// A stored time as the reader sees it: in their zone, or, for an account with no zone yet, with the offset it was
    /// stored with (a diary entry's own offset; UTC for times the server stamped).
    /// </summary>
    public static DateTimeOffset Shown(this ClaimsPrincipal user, DateTimeOffset stored) => ZoneOf(user)?.Local(stored) ?? stored;

    /// <summary>
    /// A moment with its date and time, e.g. "28 Nov 2026, 00:47", in the reader's zone; an account with no zone
    /// yet reads it in UTC, marked "UTC", so the time is never mistaken for their own (a diary entry's own offset
    /// would otherwise be labelled UTC).
    /// </summary>
    public static string Stamp(ClaimsPrincipal user, DateTimeOffset at) => ZoneOf(user) is { } zone
        ? zone.Local(at).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : at.ToUniversalTime().ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The reader's date of a stored time, by the same rule as <see cref="Shown"/>.</summary>
    public static DateOnly DateOf(this ClaimsPrincipal user, DateTimeOffset stored) => DateOnly.FromDateTime(user.Shown(stored).DateTime);

    /// <summary>The reader's date now: today in their zone (UTC for an account with none yet).</summary>
    public static DateOnly Today(this ClaimsPrincipal user, TimeProvider clock) => user.Zone().DateOf(clock.GetUtcNow());

    /// <summary>True when the account has never chosen a zone, so pages can offer the device's.</summary>
    public static bool ZoneMissing(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && PersonZone.Find(user.FindFirstValue(Claim)) is null;
}

/// <summary>Keeps a person's chosen zone and renews their cookie, so every page shows it at once (account page, Today's offer).</summary>
public static class ZoneChoice
{
    public static async Task SaveAsync(
        Microsoft.AspNetCore.Identity.UserManager<Data.Identity.NervewiseUser> users,
        Microsoft.AspNetCore.Identity.SignInManager<Data.Identity.NervewiseUser> signIn,
        Data.Identity.NervewiseUser user,
        PersonZone zone)
    {
        user.TimeZone = zone.Id;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("Could not save the time zone: " + string.Join("; ", saved.Errors.Select(e => e.Description)));
        }
        await signIn.RefreshSignInAsync(user);
    }
}
