using Nervewise.Documents.Time;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Api;

internal static class AccountApi
{
    /// <param name="TimeZone">The IANA zone the person's times are shown in; "UTC" until they choose one.</param>
    public sealed record Me(string Email, IReadOnlyList<string> Roles, bool MustChangePassword, string TimeZone);

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithName("GetMe");
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
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new Me(user.Email ?? "", [.. roles], user.MustChangePassword, PersonZone.OrUtc(user.TimeZone).Id));
    }
}
