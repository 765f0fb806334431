using Nervewise.Data.Identity;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// Clinicians see many people's records, so their accounts need two-step sign-in. Until a clinician has set it up,
/// the session can only set it up, change the password, sign out, read first aid and load the site's files: pages redirect to the set-up,
/// the API answers 403.
/// </summary>
internal static class TwoFactorGate
{
    /// <summary>
    /// The claim a session carries once its account has two-step sign-in on. The gate asks for its presence rather
    /// than for a "still missing" mark, so that a session made before the gate existed is gated, not waved through.
    /// </summary>
    public const string EnrolledClaim = "nervewise:two-factor";

    public const string SetupPath = "/account/two-factor/setup";

    // First aid stays open to everyone: it is help in a bad moment, not health data. Changing the password stays
    // open so that an account made with a one-time password replaces it first, as that gate asks.
    private static readonly string[] OpenPaths =
        ["/account/two-factor", "/account/change-password", "/account/sign-out", "/first-aid", "/health", "/status", "/error"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.UseSessionGate(
        user => user.IsInRole(Roles.Clinician) && !user.HasClaim(EnrolledClaim, "true"),
        OpenPaths,
        title: "Set up two-step sign-in first",
        detail: $"Clinician accounts need two-step sign-in before they can read records. Set it up at {SetupPath}.",
        redirectTo: SetupPath);
}
