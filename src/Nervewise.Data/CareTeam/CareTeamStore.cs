using Microsoft.EntityFrameworkCore;
using Nervewise.Domain.People;

namespace Nervewise.Data.CareTeam;

/// <summary>
/// Who may see whose record. A person invites a clinician; the clinician accepts with the code; either the
/// person revokes or the share stands. Every read by a clinician goes through <see cref="OpenRecordAsync"/>, which
/// checks the share and writes the access log in one step.
/// </summary>
public sealed class CareTeamStore(NervewiseDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(14);

    public enum AcceptOutcome
    {
        Accepted,
        AlreadyShared,
        Unknown,
        Used,
        Expired,
        Revoked,
        NotForYou,
        OwnRecord,
    }

    /// <param name="Clinician">How the person sees them named: "Alex Kim, Physiotherapist, Leeds Sports Clinic".</param>
    /// <param name="Name">Their name alone, for short phrases ("Stop sharing with Alex Kim").</param>
    public sealed record ShareView(Guid Id, string ClinicianEmail, DateTimeOffset Since, string Clinician, string Name);

    /// <param name="ClinicianEmail">The email as the row keeps it (marked once the account is gone).</param>
    /// <param name="Clinician">The clinician named for the person: name and profession line, or the kept email once the account is gone.</param>
    /// <param name="ClinicianKey">Tells one clinician from another when grouping (their id, or their kept email).</param>
    public sealed record AccessView(string ClinicianEmail, DateTimeOffset At, string What, string Clinician = "", string ClinicianKey = "");

    /// <param name="Clinician">The writer's name (and profession line), or the kept email once their account is gone.</param>
    public sealed record NoteView(string ClinicianEmail, DateTimeOffset At, string Text, string Clinician = "");

    public async Task<(ShareInviteRecord Invite, string Code)> InviteAsync(
        string patientId, string? clinicianEmail, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var code = InviteCode.New();
        var invite = new ShareInviteRecord
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            CodeHash = InviteCode.Hash(code),
            ClinicianEmail = string.IsNullOrWhiteSpace(clinicianEmail) ? null : clinicianEmail.Trim(),
            CreatedAt = now,
            ExpiresAt = now + InviteLifetime,
        };
        db.ShareInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return (invite, code);
    }

    /// <summary>Accepts an invite. Anything but <see cref="AcceptOutcome.Accepted"/> changes nothing.</summary>
    public async Task<(AcceptOutcome Outcome, string? PatientId)> AcceptAsync(
        string clinicianId, string clinicianEmail, string code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var hash = InviteCode.Hash(code);
        var invite = await db.ShareInvites.AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        var refusal = invite switch
        {
            null => AcceptOutcome.Unknown,
            { RevokedAt: not null } => AcceptOutcome.Revoked,
            { UsedAt: not null } => AcceptOutcome.Used,
            _ when invite.ExpiresAt <= now => AcceptOutcome.Expired,
            _ when invite.PatientId == clinicianId => AcceptOutcome.OwnRecord,
            { ClinicianEmail: { } bound } when !string.Equals(bound, clinicianEmail, StringComparison.OrdinalIgnoreCase)
                => AcceptOutcome.NotForYou,
            _ => (AcceptOutcome?)null,
        };
        if (refusal is { } refused)
        {
            return (refused, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claim the invite atomically: of two clinicians racing with one code, one wins.
        var claimed = await db.ShareInvites
            .Where(i => i.Id == invite!.Id && i.UsedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return (AcceptOutcome.Used, null);
        }
        var patientId = invite!.PatientId;
        var already = await HasShareAsync(clinicianId, patientId, cancellationToken);
        if (!already)
        {
            db.Shares.Add(new ShareRecord { Id = Guid.NewGuid(), PatientId = patientId, ClinicianId = clinicianId, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (already ? AcceptOutcome.AlreadyShared : AcceptOutcome.Accepted, patientId);
    }

    public Task<bool> HasShareAsync(string clinicianId, string patientId, CancellationToken cancellationToken = default) =>
        db.Shares.AnyAsync(s => s.ClinicianId == clinicianId && s.PatientId == patientId && s.RevokedAt == null, cancellationToken);

    /// <summary>The people who currently share with this clinician: the only ids a clinician query may use.</summary>
    public IQueryable<string> PatientIdsOf(string clinicianId) =>
        db.Shares.Where(s => s.ClinicianId == clinicianId && s.RevokedAt == null).Select(s => s.PatientId).Distinct();

    /// <summary>Checks the share and logs the access. False (and nothing logged) when there is no share.</summary>
    public async Task<bool> OpenRecordAsync(string clinicianId, string patientId, string what, CancellationToken cancellationToken = default)
    {
        if (!await HasShareAsync(clinicianId, patientId, cancellationToken))
        {
            return false;
        }
        db.RecordAccessLog.Add(new RecordAccessRecord
        {
            PatientId = patientId, ClinicianId = clinicianId, ClinicianEmail = await EmailOfAsync(clinicianId, cancellationToken),
            At = clock.GetUtcNow(), What = what,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<List<ShareView>> SharesOfAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var shares = await db.Shares.AsNoTracking()
            .Where(s => s.PatientId == patientId && s.RevokedAt == null)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.Clinician!.Email, s.Clinician.DisplayName, s.Clinician.Profession, s.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. shares.Select(s => new ShareView(s.Id, s.Email ?? "", s.CreatedAt, Named(s.DisplayName, s.Email, s.Profession), PersonName.Shown(s.DisplayName, s.Email)))];
    }

    public async Task<List<ShareInviteRecord>> OpenInvitesAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = await db.ShareInvites.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.UsedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        return [.. open.Where(i => i.ExpiresAt > now).OrderBy(i => i.CreatedAt)];
    }

    /// <summary>An invite that no longer works, and why, in the person's words.</summary>
    public sealed record ClosedInviteView(DateTimeOffset CreatedAt, string? ClinicianEmail, string State, DateTimeOffset Since);

    /// <summary>
    /// The person's invites of the last 30 days that can no longer be used. A clinician trying a code is only told it
    /// did not work; the person who made it sees here what happened to it.
    /// </summary>
    public async Task<List<ClosedInviteView>> ClosedInvitesAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(30);
        var invites = await db.ShareInvites.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.CreatedAt >= since)
            .ToListAsync(cancellationToken);
        return
        [
            .. invites
                .Select(i => i switch
                {
                    { RevokedAt: { } at } => new ClosedInviteView(i.CreatedAt, i.ClinicianEmail, "cancelled", at),
                    { UsedAt: { } at } => new ClosedInviteView(i.CreatedAt, i.ClinicianEmail, "used", at),
                    _ when i.ExpiresAt <= now => new ClosedInviteView(i.CreatedAt, i.ClinicianEmail, "expired", i.ExpiresAt),
                    _ => null,
                })
                .OfType<ClosedInviteView>()
                .OrderByDescending(i => i.Since),
        ];
    }

    /// <summary>Ends a share at once. Only the person who shared can; another id finds nothing.</summary>
    public async Task<bool> RevokeShareAsync(string patientId, Guid shareId, CancellationToken cancellationToken = default)
    {
        var clinicianId = await db.Shares.Where(s => s.Id == shareId && s.PatientId == patientId && s.RevokedAt == null)
            .Select(s => s.ClinicianId).SingleOrDefaultAsync(cancellationToken);
        var stopped = await db.Shares.Where(s => s.Id == shareId && s.PatientId == patientId && s.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, clock.GetUtcNow()), cancellationToken) == 1;
        if (stopped && clinicianId is not null)
        {
            // What the clinician already exported of this person stops being downloadable too.
            await new Fhir.BulkExportStore(db).ForgetPersonAsync(patientId, clinicianId, cancellationToken);
        }
        return stopped;
    }

    public async Task<bool> RevokeInviteAsync(string patientId, Guid inviteId, CancellationToken cancellationToken = default) =>
        await db.ShareInvites.Where(i => i.Id == inviteId && i.PatientId == patientId && i.UsedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, clock.GetUtcNow()), cancellationToken) == 1;

    /// <summary>The newest <paramref name="take"/> reads of the person's record, newest first, each with who read it.</summary>
    public async Task<List<AccessView>> AccessLogAsync(string patientId, int take = 200, CancellationToken cancellationToken = default)
    {
        var rows = await db.RecordAccessLog.AsNoTracking()
            .Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new { a.ClinicianId, a.ClinicianEmail, a.At, a.What, a.Clinician!.DisplayName, a.Clinician.Email, a.Clinician.Profession })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(a => new AccessView(
                Who(a.ClinicianId, a.ClinicianEmail), a.At, a.What,
                a.ClinicianId is null ? Who(null, a.ClinicianEmail) : Named(a.DisplayName, a.Email ?? a.ClinicianEmail, a.Profession),
                a.ClinicianId ?? a.ClinicianEmail)),
        ];
    }

    /// <summary>The same reads gathered into visits (<see cref="AccessVisits"/>): one row per clinician per hour.</summary>
    public async Task<List<AccessVisits.Visit>> AccessVisitsAsync(string patientId, int take = 200, CancellationToken cancellationToken = default) =>
        AccessVisits.Of(await AccessLogAsync(patientId, take, cancellationToken));

    /// <summary>How a clinician is named in a person's record: the email they had, marked once their account is gone.</summary>
    public static string Who(string? clinicianId, string clinicianEmail) =>
        clinicianId is null ? $"{clinicianEmail} (account deleted)" : clinicianEmail;

    /// <summary>A clinician as the people who share with them see them: "Alex Kim, Physiotherapist, Leeds Sports Clinic".</summary>
    public static string Named(string? displayName, string? email, string? profession) =>
        PersonName.Shown(displayName, email) + (string.IsNullOrWhiteSpace(profession) ? "" : $", {profession}");

    private async Task<string> EmailOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? "";

    /// <summary>Adds a note for a person the clinician has a share with; false when there is none.</summary>
    public async Task<bool> AddNoteAsync(string clinicianId, string patientId, string text, CancellationToken cancellationToken = default)
    {
        if (!await HasShareAsync(clinicianId, patientId, cancellationToken))
        {
            return false;
        }
        db.ClinicianNotes.Add(new ClinicianNoteRecord
        {
            Id = Guid.NewGuid(), PatientId = patientId, ClinicianId = clinicianId, ClinicianEmail = await EmailOfAsync(clinicianId, cancellationToken),
            At = clock.GetUtcNow(), Text = text.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<List<NoteView>> NotesForAsync(string patientId, CancellationToken cancellationToken = default)
    {
        var notes = await db.ClinicianNotes.AsNoTracking()
            .Where(n => n.PatientId == patientId)
            .OrderByDescending(n => n.At)
            .Select(n => new { n.ClinicianId, n.ClinicianEmail, n.At, n.Text, n.Clinician!.DisplayName, n.Clinician.Email, n.Clinician.Profession })
            .ToListAsync(cancellationToken);
        return
        [
            .. notes.Select(n => new NoteView(
                Who(n.ClinicianId, n.ClinicianEmail), n.At, n.Text,
                n.ClinicianId is null ? Who(null, n.ClinicianEmail) : Named(n.DisplayName, n.Email ?? n.ClinicianEmail, n.Profession))),
        ];
    }
}
