using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Documents.Fhir;
using Nervewise.Web.Fhir;
using Nervewise.Web.Smart;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Pages.Connect;

/// <summary>
/// The SMART authorize endpoint (OpenIddict passes the checked request through): the person signs in as usual, then
/// approves or refuses the app here. An approval is kept until they stop it on their account page.
/// </summary>
public class AuthorizeModel(
    UserManager<NervewiseUser> users,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    CareTeamStore careTeam,
    NervewiseDbContext db) : PageModel
{
    public sealed record Person(string PatientId, string Name);

    public string AppName { get; private set; } = "";

    public bool IsClinician { get; private set; }

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    /// <summary>For a clinician asking for one person's record: the people who share with them.</summary>
    public IReadOnlyList<Person>? People { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The authorize request's own parameters, posted back with the answer.</summary>
    public IEnumerable<KeyValuePair<string, string>> RequestFields =>
        (Request.HasFormContentType ? Request.Form.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())) : Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())))
            .Where(p => p.Key is not ("__RequestVerificationToken" or "answer" or "chosen_patient"));

    public async Task<IActionResult> OnGetAsync()
    {
        var (request, user, app, refused) = await StartAsync();
        if (refused is not null)
        {
            return refused;
        }
        await DescribeAsync(request, user, app);
        var needsPerson = IsClinician && NeedsPatient(Scopes);
        if (!needsPerson && await ExistingAsync(user.Id, app) is { } approved)
        {
            return await SignInAsync(user, app, approved, patientUserId: IsClinician ? null : user.Id);
        }
        if (request.HasPromptValue(PromptValues.None))
        {
            return Refuse(Errors.ConsentRequired, "The person has not approved this app yet.");
        }
        AllowRedirectAfterAnswer(request);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? answer, [FromForm(Name = "chosen_patient")] string? chosenPatient)
    {
        var (request, user, app, refused) = await StartAsync();
        if (refused is not null)
        {
            return refused;
        }
        if (answer != "allow")
        {
            return Refuse(Errors.AccessDenied, "The person did not allow this app to read their record.");
        }
        await DescribeAsync(request, user, app);
        string? patientUserId = IsClinician ? null : user.Id;
        if (IsClinician && NeedsPatient(Scopes))
        {
            var chosen = People!.FirstOrDefault(p => p.PatientId == chosenPatient);
            if (chosen is null)
            {
                Problem = People!.Count == 0
                    ? "Nobody shares their record with you yet, so this app cannot open one."
                    : "Choose whose record the app may read.";
                AllowRedirectAfterAnswer(request);
                return Page();
            }
            patientUserId = chosen.PatientId;
        }
        var authorization = await ExistingAsync(user.Id, app)
            ?? await authorizations.CreateAsync(
                Identity(user, Scopes, patientUserId), user.Id, (await applications.GetIdAsync(app))!, AuthorizationTypes.Permanent, [.. Scopes]);
        return await SignInAsync(user, app, authorization, patientUserId);
    }

    private async Task DescribeAsync(OpenIddictRequest request, NervewiseUser user, object app)
    {
        AppName = await applications.GetLocalizedDisplayNameAsync(app) ?? await applications.GetDisplayNameAsync(app) ?? "This app";
        IsClinician = await users.IsInRoleAsync(user, Roles.Clinician);
        Scopes = SmartScopes.Granted(request.GetScopes());
        if (IsClinician && NeedsPatient(Scopes))
        {
            var ids = careTeam.PatientIdsOf(user.Id);
            People = await db.Users.Where(u => ids.Contains(u.Id))
                .OrderBy(u => u.DisplayName ?? u.Email)
                .Select(u => new Person(u.Id, u.DisplayName ?? u.Email ?? "Unnamed"))
                .ToListAsync();
        }
    }

    private static bool NeedsPatient(IReadOnlyList<string> scopes) =>
        scopes.Any(s => s == SmartScopes.LaunchPatient || SmartScopes.IsPatientScope(s));

    private async Task<object?> ExistingAsync(string userId, object app)
    {
        await foreach (var authorization in authorizations.FindAsync(
            userId, (await applications.GetIdAsync(app))!, Statuses.Valid, AuthorizationTypes.Permanent, [.. Scopes]))
        {
            return authorization;
        }
        return null;
    }

    private async Task<IActionResult> SignInAsync(NervewiseUser user, object app, object authorization, string? patientUserId)
    {
        var identity = Identity(user, Scopes, patientUserId);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization));
        identity.SetDestinations(Destinations);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The claims FhirCaller reads: who (sub), their role, the scopes and, for patient scopes, whose record.</summary>
    private ClaimsIdentity Identity(NervewiseUser user, IReadOnlyList<string> scopes, string? patientUserId)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Role, IsClinician ? Roles.Clinician : Roles.Patient)
            .SetClaim(SmartServer.FhirUserClaim, IsClinician ? $"Practitioner/{user.Id}" : $"Patient/{FhirExport.PatientId(user.Id)}");
        if (patientUserId is not null && NeedsPatient(scopes))
        {
            identity.SetClaim(FhirCaller.PatientClaim, FhirExport.PatientId(patientUserId));
        }
        identity.SetScopes(scopes);
        return identity;
    }

    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        SmartServer.FhirUserClaim => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };

    /// <summary>
    /// The request, the signed-in user and the app, or the answer that ends it. SMART asks that <c>aud</c> names this
    /// server's FHIR base, so a token meant for another server is never made here (and one made here never leaves).
    /// </summary>
    private async Task<(OpenIddictRequest Request, NervewiseUser User, object App, IActionResult? Refused)> StartAsync()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        var user = await users.GetUserAsync(User);
        var app = request?.ClientId is { } clientId ? await applications.FindByClientIdAsync(clientId) : null;
        if (request is null || user is null || app is null)
        {
            return (request!, user!, app!, BadRequest());
        }
        if (!ForThisServer((string?)request["aud"]))
        {
            return (request, user, app, Refuse(Errors.InvalidRequest,
                $"aud must be this server's FHIR base URL, {FhirBase.Of(Request)}"));
        }
        return (request, user, app, null);
    }

    private bool ForThisServer(string? audience) =>
        Uri.TryCreate(audience?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri == FhirBase.Of(Request);

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>
    /// The answer is a form post that ends in a redirect to the app; browsers hold such a redirect to the page's
    /// form-action, so this page allows the app's own address (already checked against the app's registration).
    /// </summary>
    private void AllowRedirectAfterAnswer(OpenIddictRequest request)
    {
        if (Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var redirect))
        {
            var origin = redirect.GetLeftPart(UriPartial.Authority);
            Response.Headers.ContentSecurityPolicy = Response.Headers.ContentSecurityPolicy.ToString()
                .Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);
        }
    }
}
