using System.Globalization;
using System.Text;
using QRCoder;

namespace Nervewise.Web.Account;

/// <summary>What an authenticator app needs to start making codes: the key to type, the link, and its QR code.</summary>
public sealed record AuthenticatorSetup(string GroupedKey, string Link, string QrSvg)
{
    public const string Issuer = "Nervewise";

    /// <summary>How many recovery codes a person gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    public static AuthenticatorSetup For(string email, string key)
    {
        var label = Uri.EscapeDataString($"{Issuer}:{email}");
        var link = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return new AuthenticatorSetup(Group(key), link, Svg(link));
    }

    /// <summary>The key in groups of four, easier to type and check than one long run of letters.</summary>
    public static string Group(string key) =>
        string.Join(' ', key.ToUpperInvariant().Chunk(4).Select(chunk => new string(chunk)));

    /// <summary>Codes as people type them: spaces and dashes are ignored.</summary>
    public static string Clean(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>
    /// A recovery code as Identity made it (XXXXX-XXXXX, capitals), however it was typed: spaces, small letters or
    /// the dash left out.
    /// </summary>
    public static string CleanRecoveryCode(string? code)
    {
        var letters = new string((code ?? "").Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return letters.Length == 10 ? $"{letters[..5]}-{letters[5..]}" : letters;
    }

    /// <summary>One path of unit squares, so the code scales to any width without blur and without a script.</summary>
    private static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (rows[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="qr-code" role="img" aria-label="QR code for your authenticator app" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}
