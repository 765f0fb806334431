using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Email;

/// <summary>
/// Email-confirmation tokens with their own lifetime: Identity's default provider, which reset links use, keeps
/// the shorter one. Both are data-protection tokens that carry the security stamp (ADR 17).
/// </summary>
internal sealed class ConfirmationTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<ConfirmationTokenOptions> options,
    ILogger<DataProtectorTokenProvider<NervewiseUser>> logger)
    : DataProtectorTokenProvider<NervewiseUser>(dataProtection, options, logger)
{
    public const string ProviderName = "EmailConfirmation";
}

internal sealed class ConfirmationTokenOptions : DataProtectionTokenProviderOptions
{
    public ConfirmationTokenOptions()
    {
        Name = ConfirmationTokenProvider.ProviderName;
        TokenLifespan = AccountRules.ConfirmationLinkLifetime;
    }
}
