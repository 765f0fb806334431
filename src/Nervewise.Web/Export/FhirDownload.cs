using System.Text;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data;
using Nervewise.Data.Export;
using Nervewise.Documents.Fhir;
using Nervewise.Web.Fhir;

namespace Nervewise.Web.Export;

/// <summary>
/// A person's whole record as a FHIR R4 transaction Bundle file, for the person and for their clinician: a FHIR
/// server can ingest it as it is, and its URLs point at this app's FHIR API.
/// </summary>
public sealed class FhirDownload(NervewiseDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task<FileContentResult> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = await FhirRecord.LoadAsync(db, userId, now, cancellationToken);
        var json = FhirJson.Serialize(FhirExport.ToBundle(record, now, Base()), pretty: true);
        return new FileContentResult(Encoding.UTF8.GetBytes(json), "application/fhir+json; charset=utf-8")
        {
            FileDownloadName = "nervewise-record.fhir.json",
        };
    }

    // Outside a request (never today) the links still need a base; the API's own address is the honest default.
    private Uri Base() =>
        http.HttpContext?.Request is { } request ? FhirBase.Of(request) : new Uri("http://localhost/fhir/");
}
