using Microsoft.EntityFrameworkCore;
using Nervewise.Data.CareTeam;

namespace Nervewise.Data.Export;

/// <summary>
/// What the diary CSV and the FHIR record leave out: the account itself, who the record is shared with,
/// every time a clinician opened it, their notes, and each change to the plan. Part of the person's full download.
/// </summary>
public static class PersonalData
{
    public sealed record Account(string Email, DateTimeOffset CreatedAt, IReadOnlyList<string> Roles);

    public sealed record Share(string Clinician, DateTimeOffset SharedAt, DateTimeOffset? StoppedAt);

    public sealed record Invite(string? ForClinician, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, DateTimeOffset? WithdrawnAt);

    public sealed record Access(string Clinician, DateTimeOffset At, string What);

    public sealed record Note(string Clinician, DateTimeOffset At, string Text);

    public sealed record PlanChange(DateTimeOffset At, string By, string Field, string? From, string? To);

    public sealed record CareTeam(
        Account Account,
        IReadOnlyList<Share> Shares,
        IReadOnlyList<Invite> Invites,
        IReadOnlyList<Access> AccessLog,
        IReadOnlyList<Note> ClinicianNotes,
        IReadOnlyList<PlanChange> PlanChanges);

    public static async Task<CareTeam> LoadAsync(NervewiseDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var emails = db.Users.Select(u => new { u.Id, u.Email });

        var shares = await db.Shares.AsNoTracking().Where(s => s.PatientId == userId)
            .Join(emails, s => s.ClinicianId, u => u.Id, (s, u) => new { s.CreatedAt, s.RevokedAt, u.Email })
            .ToListAsync(cancellationToken);
        var invites = await db.ShareInvites.AsNoTracking().Where(i => i.PatientId == userId).ToListAsync(cancellationToken);
        // Who read and who wrote come from the rows' own snapshots: they stay when a clinician's account is deleted.
        var access = await db.RecordAccessLog.AsNoTracking().Where(a => a.PatientId == userId)
            .Select(a => new { a.At, a.What, Email = CareTeamStore.Who(a.ClinicianId, a.ClinicianEmail) })
            .ToListAsync(cancellationToken);
        var notes = await db.ClinicianNotes.AsNoTracking().Where(n => n.PatientId == userId)
            .Select(n => new { n.At, n.Text, Email = CareTeamStore.Who(n.ClinicianId, n.ClinicianEmail) })
            .ToListAsync(cancellationToken);
        var changes = await db.PlanSettingsChanges.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken);

        return new CareTeam(
            new Account(user.Email ?? "", user.CreatedAt, [.. roles.Order(StringComparer.Ordinal)]),
            [.. shares.OrderBy(s => s.CreatedAt).Select(s => new Share(s.Email ?? "", s.CreatedAt, s.RevokedAt))],
            [.. invites.OrderBy(i => i.CreatedAt).Select(i => new Invite(i.ClinicianEmail, i.CreatedAt, i.ExpiresAt, i.UsedAt, i.RevokedAt))],
            [.. access.OrderBy(a => a.At).Select(a => new Access(a.Email, a.At, a.What))],
            [.. notes.OrderBy(n => n.At).Select(n => new Note(n.Email, n.At, n.Text))],
            [.. changes.OrderBy(c => c.ChangedAt).Select(c => new PlanChange(c.ChangedAt, c.ChangedByRole, c.Field, c.OldValue, c.NewValue))]);
    }
}
