using System.Security.Cryptography;
using System.Text;

namespace Nervewise.Data.CareTeam;

/// <summary>
/// Invite codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), shown as ABCD-EFGH.
/// 32^8 ≈ 10^12 codes, single use, expiring, and only their hash is stored.
/// </summary>
public static class InviteCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 8);
        return new string(chars, 0, 4) + "-" + new string(chars, 4, 4);
    }

    /// <summary>What a person typed, made comparable: case, spaces and dashes do not matter.</summary>
    public static string Normalise(string typed) =>
        new([.. typed.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    public static string Hash(string typed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(typed))));
}
