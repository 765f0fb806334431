using System.Text;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data;
using Nervewise.Data.Export;
using Nervewise.Domain.Assessment;
using Nervewise.Documents.Fhir;

namespace Nervewise.Web.Export;

/// <summary>A person's whole record as a FHIR R4 Bundle file, for the person and for their clinician.</summary>
public sealed class FhirDownload(NervewiseDbContext db, TimeProvider clock)
{
    public async Task<FileContentResult> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = await FhirRecord.LoadAsync(db, userId, now, cancellationToken);
        var json = FhirJson.Serialize(FhirExport.ToBundle(record, now), pretty: true);
        return new FileContentResult(Encoding.UTF8.GetBytes(json), "application/fhir+json; charset=utf-8")
        {
            FileDownloadName = "nervewise-record.fhir.json",
        };
    }
}
