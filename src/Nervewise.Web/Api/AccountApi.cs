using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Api;

internal static class AccountApi
{
    public sealed record Me(string Email, IReadOnlyList<string> Roles, bool MustChangePassword);

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
        return TypedResults.Ok(new Me(user.Email ?? "", [.. roles], user.MustChangePassword));
    }
}
