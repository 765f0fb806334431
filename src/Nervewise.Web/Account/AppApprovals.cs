using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Web.Account;

/// <summary>
/// The apps a person allowed to read their record through the FHIR API (OpenIddict authorizations whose subject is
/// their user id), and stopping one: the approval and every token issued under it stop working at once.
/// </summary>
public sealed class AppApprovals(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager apps, IOpenIddictTokenManager tokens)
{
    public sealed record Approval(string Id, string AppName, DateTimeOffset? ApprovedAt, IReadOnlyList<string> Reads);

    public async Task<IReadOnlyList<Approval>> ListAsync(string userId, bool clinician, CancellationToken cancellationToken = default)
    {
        var list = new List<Approval>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            if (await authorizations.GetStatusAsync(authorization, cancellationToken) != Statuses.Valid)
            {
                continue;
            }
            var appId = await authorizations.GetApplicationIdAsync(authorization, cancellationToken);
            var app = appId is null ? null : await apps.FindByIdAsync(appId, cancellationToken);
            var name = app is null ? null : await apps.GetDisplayNameAsync(app, cancellationToken);
            list.Add(new Approval(
                (await authorizations.GetIdAsync(authorization, cancellationToken))!,
                string.IsNullOrWhiteSpace(name) ? "An app with no name" : name,
                await authorizations.GetCreationDateAsync(authorization, cancellationToken),
                AppAccessWords.For(await authorizations.GetScopesAsync(authorization, cancellationToken), clinician)));
        }
        return [.. list.OrderByDescending(a => a.ApprovedAt)];
    }

    /// <summary>Stops one of this person's approvals; false when it is not theirs or no longer exists.</summary>
    public async Task<bool> StopAsync(string userId, string approvalId, CancellationToken cancellationToken = default)
    {
        var authorization = await authorizations.FindByIdAsync(approvalId, cancellationToken);
        // Someone else's approval id must not be revocable by guessing it.
        if (authorization is null || await authorizations.GetSubjectAsync(authorization, cancellationToken) != userId)
        {
            return false;
        }
        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        await tokens.RevokeByAuthorizationIdAsync(approvalId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Forgets every approval and token of a deleted account: OpenIddict's tables hold the user id as a plain subject,
    /// so the database's cascades from the account do not reach them.
    /// </summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var found = new List<object>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            found.Add(authorization);
        }
        foreach (var authorization in found)
        {
            // The store deletes the approval's tokens with it.
            await authorizations.DeleteAsync(authorization, cancellationToken);
        }
        var loose = new List<object>();
        await foreach (var token in tokens.FindBySubjectAsync(userId, cancellationToken))
        {
            loose.Add(token);
        }
        foreach (var token in loose)
        {
            await tokens.DeleteAsync(token, cancellationToken);
        }
    }
}
