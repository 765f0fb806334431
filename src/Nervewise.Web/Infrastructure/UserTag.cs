using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Nervewise.Web.Infrastructure;

/// <summary>A short, one-way tag of the signed-in person, so the offline queue can keep notes with their owner.</summary>
public static class UserTag
{
    public static string For(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return ""; // signed out: notes made now have no owner yet
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("nervewise-user:" + id)))[..16];
    }
}
