using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Nervewise.Web.Api;

/// <summary>
/// The signed-in person's id, read from the session's claims as UserManager.GetUserId reads it, without making a
/// user manager (and its stores and token providers) for the request.
/// </summary>
internal static class Owner
{
    public static string Of(HttpContext context) =>
        context.User.FindFirstValue(context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType)!;
}
