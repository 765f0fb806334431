using System.Security.Cryptography;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Data.Smart;

/// <summary>
/// Registers a SMART on FHIR app (an OpenID Connect client): the web app's tests and <c>nervewise clients add</c>
/// use the same rules. Every app uses the authorization code flow with PKCE; a confidential one also has a secret.
/// </summary>
public static class SmartApps
{
    public const int NameMaxLength = 100;

    public sealed record Added(string ClientId, string? Secret);

    /// <summary>What is wrong with the name or the redirect address, naming the field; null when both are fine.</summary>
    public static string? Problem(string? name, string? redirectUri)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "NAME: give the app a name.";
        }
        if (name.Trim().Length > NameMaxLength)
        {
            return $"NAME: at most {NameMaxLength} characters.";
        }
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "--redirect-uri: give an absolute http or https address, e.g. https://app.example/callback.";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return "--redirect-uri: plain http is allowed only on this machine (localhost); use https.";
        }
        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "--redirect-uri: the address may not have a #fragment.";
        }
        return null;
    }

    public static async Task<Added> AddAsync(
        IOpenIddictApplicationManager manager, string name, string redirectUri, bool confidential, CancellationToken cancellationToken = default)
    {
        if (Problem(name, redirectUri) is { } problem)
        {
            throw new ArgumentException(problem);
        }
        var clientId = "nw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = confidential ? Base64Url(RandomNumberGenerator.GetBytes(32)) : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            // The person approves every app on the consent page; an approval is remembered until they revoke it.
            ConsentType = ConsentTypes.Explicit,
            DisplayName = name.Trim(),
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await manager.CreateAsync(descriptor, cancellationToken);
        return new Added(clientId, secret);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
