using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Export;
using Nervewise.Data.Fhir;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Clinic;
using Nervewise.Web.Clinic;

namespace Nervewise.Web.Fhir.Bulk;

/// <summary>
/// Runs one claimed job: the people who share with the clinician at this moment (narrowed by the caseload filter),
/// each logged in their access log as they are read, their resources as NDJSON, one file per type (split into parts of
/// <see cref="PartSize"/>).
/// </summary>
public sealed class BulkExportRunner(NervewiseDbContext db, BulkExportStore store, ClinicReader caseload, CareTeamStore careTeam, TimeProvider clock)
{
    public const int PartSize = 1000;

    public const string AccessLogWhat = "Bulk export";

    /// <summary>
    /// The files of the job and the claim as last renewed, or null when the claim was lost (cancelled or taken over) on
    /// the way.
    /// </summary>
    public async Task<(List<BulkExportFileRecord> Files, BulkExportStore.Claim Claim)?> RunAsync(BulkExportStore.Claim claim, CancellationToken cancellationToken)
    {
        var job = claim.Job;
        var fhirBase = BaseOf(job.RequestUrl);
        var types = BulkExportRequest.Split(job.Types)?.ToHashSet(StringComparer.Ordinal) ?? [.. BulkExportRequest.Supported];
        var lines = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var personId in await PeopleAsync(job.ClinicianId, job.PersonFilter, cancellationToken))
        {
            // Checks the share again, person by person, and writes their access log.
            if (await careTeam.OpenRecordAsync(job.ClinicianId, personId, AccessLogWhat, cancellationToken))
            {
                var now = clock.GetUtcNow();
                var record = await FhirRecord.LoadAsync(db, personId, now, cancellationToken);
                foreach (var resource in FhirExport.Resources(record, now, fhirBase))
                {
                    if (types.Contains(resource.TypeName) && Changed(resource, job.Since))
                    {
                        (lines.TryGetValue(resource.TypeName, out var list) ? list : lines[resource.TypeName] = []).Add(FhirJson.Serialize(resource));
                    }
                }
            }
            if (await store.RenewAsync(claim, clock.GetUtcNow(), cancellationToken) is not { } renewed)
            {
                return null;
            }
            claim = renewed;
        }
        List<BulkExportFileRecord> files = [.. lines.SelectMany(type => type.Value.Chunk(PartSize).Select((part, index) => new BulkExportFileRecord
        {
            Id = Guid.CreateVersion7(), JobId = job.Id, ResourceType = type.Key, Part = index + 1, Count = part.Length,
            Content = string.Join('\n', part) + "\n",
        }))];
        return (files, claim);
    }

    private async Task<List<string>> PeopleAsync(string clinicianId, string? filterSlug, CancellationToken cancellationToken)
    {
        if (CaseloadWords.Filter(filterSlug) is { } filter and not CaseloadFilter.All)
        {
            var rows = await caseload.CaseloadAsync(clinicianId, cancellationToken);
            return [.. rows.Where(r => r.Flags.Matches(filter)).Select(r => r.PatientId).Order(StringComparer.Ordinal)];
        }
        return [.. (await careTeam.PatientIdsOf(clinicianId).ToListAsync(cancellationToken)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether a resource belongs in a <c>_since</c> export. Our resources carry the time of what they record, not of an
    /// edit, so a dated one is in when that time is after <paramref name="since"/>; the undated ones (the Patient, the
    /// current plan, a warning-sign Flag) describe the present state and are always in.
    /// </summary>
    public static bool Changed(Resource resource, DateTimeOffset? since)
    {
        if (since is not { } after)
        {
            return true;
        }
        var at = resource.Meta?.LastUpdated ?? resource switch
        {
            Observation o => (o.Effective as FhirDateTime)?.ToDateTimeOffset(TimeSpan.Zero)
                ?? (o.Effective as Period)?.StartElement?.ToDateTimeOffset(TimeSpan.Zero)
                ?? (o.Effective as Instant)?.Value
                ?? o.Issued,
            QuestionnaireResponse q => q.AuthoredElement?.ToDateTimeOffset(TimeSpan.Zero),
            _ => null,
        };
        return at is not { } time || time > after;
    }

    /// <summary>The FHIR base the kick-off was sent to, from its URL, so links in the files match what the client called.</summary>
    public static Uri BaseOf(string requestUrl)
    {
        var url = requestUrl.Split('?')[0];
        var at = url.LastIndexOf("/Group/", StringComparison.Ordinal);
        return new Uri(url[..(at + 1)]);
    }
}
