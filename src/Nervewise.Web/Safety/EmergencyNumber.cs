namespace Nervewise.Web.Safety;

/// <summary>
/// The emergency number the safety card's tap-to-call link dials. Set <c>Safety:EmergencyNumber</c> directly, or
/// <c>Safety:Country</c> (ISO 3166 code) to take the country's number below; the default country is GB, matching the
/// NICE guidance the red-flag rules cite. Numbers from each country's public emergency service information.
/// </summary>
public sealed record EmergencyNumber(string Number, string Country)
{
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GB"] = "999", ["IE"] = "112", ["US"] = "911", ["CA"] = "911", ["AU"] = "000", ["NZ"] = "111",
        ["DE"] = "112", ["FR"] = "112", ["NL"] = "112", ["BE"] = "112", ["ES"] = "112", ["IT"] = "112",
        ["SE"] = "112", ["DK"] = "112", ["NO"] = "113", ["FI"] = "112", ["AT"] = "112", ["CH"] = "144",
        ["PT"] = "112", ["PL"] = "112", ["ZA"] = "10177", ["IN"] = "112", ["SG"] = "995", ["JP"] = "119",
    };

    public const string DefaultCountry = "GB";

    /// <summary>112 reaches emergency services from a mobile phone across Europe and in many other countries.</summary>
    public const string Fallback = "112";

    public static EmergencyNumber From(IConfiguration configuration)
    {
        var country = configuration["Safety:Country"] is { Length: > 0 } c ? c.Trim().ToUpperInvariant() : DefaultCountry;
        var number = configuration["Safety:EmergencyNumber"] is { Length: > 0 } n ? n.Trim()
            : ByCountry.GetValueOrDefault(country, Fallback);
        if (number.Length is 0 or > 16 || !number.All(ch => char.IsAsciiDigit(ch) || ch == '+'))
        {
            throw new InvalidOperationException($"Safety:EmergencyNumber must be a phone number of digits (and '+'), not '{number}'.");
        }
        return new EmergencyNumber(number, country);
    }

    /// <summary>The tel: link a phone dials in one tap.</summary>
    public string Href => $"tel:{Number}";
}
