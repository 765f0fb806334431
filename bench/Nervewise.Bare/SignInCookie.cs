using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Nervewise.Bare;

/// <summary>
/// Nervewise's sign-in cookie, opened by hand the way the shared framework's cookie handler opens it for Identity's
/// scheme: the same Data Protection purposes, the same ticket format, the same expiry check. No authentication
/// middleware, so that "/" stays an empty answer.
/// </summary>
internal sealed class SignInCookie(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Name = "nervewise";

    // CookieAuthenticationHandler's purposes for the scheme "Identity.Application" (IdentityConstants.ApplicationScheme).
    private readonly TicketDataFormat format = new(protection.CreateProtector(
        "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"));

    // Reads a cookie split in chunks as well, as the handler does.
    private readonly ChunkingCookieManager cookies = new();

    /// <summary>The user id and security stamp claims Identity put in the cookie, or null when there is no valid cookie.</summary>
    public (string UserId, string? Stamp)? Read(HttpContext context)
    {
        var text = cookies.GetRequestCookie(context, Name);
        if (string.IsNullOrEmpty(text) || format.Unprotect(text) is not { } ticket)
        {
            return null;
        }
        if (ticket.Properties.ExpiresUtc is { } expires && expires < clock.GetUtcNow())
        {
            return null;
        }
        // Identity's default claim types (ClaimsIdentityOptions), which Nervewise keeps.
        var id = ticket.Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return id is null ? null : (id, ticket.Principal.FindFirst("AspNet.Identity.SecurityStamp")?.Value);
    }

    /// <summary>The session has ended (SessionCheck signs it out): the browser drops the cookie.</summary>
    public void Delete(HttpContext context) => cookies.DeleteCookie(context, Name, new CookieOptions
    {
        Path = "/",
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
    });
}
