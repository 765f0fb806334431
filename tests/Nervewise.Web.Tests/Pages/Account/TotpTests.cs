using System.Text;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Pages.Account;

/// <summary>The tests' own authenticator, checked against the test values in RFC 6238 appendix B (SHA-1, last 6 digits).</summary>
public sealed class TotpTests
{
    // "12345678901234567890" in base32.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Matches_the_RFC_test_values(long unixSeconds, string expected)
    {
        Assert.Equal("12345678901234567890", Encoding.ASCII.GetString(Totp.FromBase32(RfcKey)));
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }
}
