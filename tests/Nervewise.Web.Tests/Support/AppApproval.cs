using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data.Smart;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Tests.Support;

/// <summary>An app a person allowed to read their record (a permanent OpenIddict authorization) with one token under it.</summary>
public sealed record AppApproval(string AuthorizationId, string TokenId)
{
    public static async Task<AppApproval> GiveAsync(IServiceProvider root, string userId, string appName, params string[] scopes)
    {
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var apps = services.GetRequiredService<IOpenIddictApplicationManager>();
        var added = await SmartApps.AddAsync(apps, appName, "https://app.example/callback", confidential: false);
        var appId = await apps.GetIdAsync((await apps.FindByClientIdAsync(added.ClientId))!);
        var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = appId,
            Subject = userId,
            Status = Statuses.Valid,
            Type = AuthorizationTypes.Permanent,
            CreationDate = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
        };
        descriptor.Scopes.UnionWith(scopes);
        var authorizationId = (await authorizations.GetIdAsync(await authorizations.CreateAsync(descriptor)))!;
        var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
        var token = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            ApplicationId = appId,
            AuthorizationId = authorizationId,
            Subject = userId,
            Status = Statuses.Valid,
            Type = TokenTypeHints.RefreshToken,
            ExpirationDate = DateTimeOffset.UtcNow.AddDays(14),
        });
        return new AppApproval(authorizationId, (await tokens.GetIdAsync(token))!);
    }
}
