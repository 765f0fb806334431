using Nervewise.Documents.Time;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Nervewise.Data.Identity;
using Nervewise.Web.Account;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Api;

internal static class AccountApi
{
    /// <param name="TimeZone">The IANA zone the person's times are shown in; "UTC" until they choose one.</param>
    /// <param name="DisplayName">What pages call the account; null for an account made before names were asked for.</param>
    /// <param name="DateOfBirth">Optional; "yyyy-MM-dd" in JSON.</param>
    /// <param name="Profession">A clinician's profession line; always null for a person's own account.</param>
    public sealed record Me(
        string Email, IReadOnlyList<string> Roles, bool MustChangePassword, string TimeZone,
        string? DisplayName, DateOnly? DateOfBirth, string? Profession);

    /// <summary>Small: three short fields.</summary>
    private const long MaxBodyBytes = 4 * 1024;

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithName("GetMe");
        api.MapPatch("/me", PatchMe).WithName("PatchMe")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        return api;
    }

    /// <summary>The signed-in person's own account.</summary>
    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> GetMe(
        ClaimsPrincipal principal, UserManager<NervewiseUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(await MeAsync(user, users));
    }

    /// <summary>
    /// Changes the name, date of birth (null clears it) and, for a clinician, the profession line. Fields left out
    /// stay as they are; if any field is refused, nothing changes.
    /// </summary>
    private static async Task<IResult> PatchMe(
        HttpRequest request, ClaimsPrincipal principal, UserManager<NervewiseUser> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var (body, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Refused("$", "must be a JSON object such as {\"displayName\": \"Ada King\"}");
        }
        var clinician = await users.IsInRoleAsync(user, Roles.Clinician);
        var errors = new Dictionary<string, string[]>();
        var (name, born, profession) = (user.DisplayName, user.DateOfBirth, user.Profession);
        if (body.TryGetProperty("displayName", out var nameJson))
        {
            (name, var why) = nameJson.ValueKind == JsonValueKind.String ? NameFields.Name(nameJson.GetString()) : (null, "Your name must be text.");
            Note(errors, "displayName", why);
        }
        if (body.TryGetProperty("dateOfBirth", out var bornJson))
        {
            (born, var why) = bornJson.ValueKind switch
            {
                JsonValueKind.Null => (null, null),
                JsonValueKind.String => NameFields.BirthDate(bornJson.GetString(), principal.Today(clock)),
                _ => (null, $"{NameFields.BirthLabel} must be a date such as \"1984-03-21\", or null."),
            };
            Note(errors, "dateOfBirth", why);
        }
        if (body.TryGetProperty("profession", out var professionJson))
        {
            (profession, var why) = !clinician ? (null, "Only a clinician's account has a profession line.")
                : professionJson.ValueKind switch
                {
                    JsonValueKind.Null => (null, null),
                    JsonValueKind.String => NameFields.Profession(professionJson.GetString()),
                    _ => (null, $"{NameFields.ProfessionLabel} must be text, or null."),
                };
            Note(errors, "profession", why);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Your details were refused; nothing was changed.");
        }
        (user.DisplayName, user.DateOfBirth, user.Profession) = (name, born, profession);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException($"Could not save the account's details: {Data.DatabaseInitializer.Describe(updated)}");
        }
        return TypedResults.Ok(await MeAsync(user, users));
    }

    private static async Task<Me> MeAsync(NervewiseUser user, UserManager<NervewiseUser> users)
    {
        var roles = await users.GetRolesAsync(user);
        return new Me(
            user.Email ?? "", [.. roles], user.MustChangePassword, PersonZone.OrUtc(user.TimeZone).Id,
            user.DisplayName, user.DateOfBirth, user.Profession);
    }

    private static void Note(Dictionary<string, string[]> errors, string field, string? problem)
    {
        if (problem is not null)
        {
            errors[field] = [problem];
        }
    }

    private static ValidationProblem Refused(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Your details were refused; nothing was changed.");
}
