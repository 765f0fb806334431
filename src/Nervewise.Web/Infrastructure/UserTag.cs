using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Nervewise.Web.Infrastructure;

/// <summary>A short, one-way tag of the signed-in person, so the offline queue can keep notes with their owner.</summary>
public static class UserTag
{
    public static string For(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("nervewise-user:" + id)))[..16];
    }
}
