using System.Text;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data;
using Nervewise.Data.Export;
using Nervewise.Documents.Fhir;

namespace Nervewise.Web.Export;

/// <summary>
/// A person's whole record as a FHIR R4 transaction Bundle file, for the person and for their clinician: a FHIR
/// server can ingest it as it is, and its URLs point at this app's FHIR API.
/// </summary>
public sealed class FhirDownload(NervewiseDbContext db, TimeProvider clock, IHttpContextAccessor http, IConfiguration configuration)
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

    // The same rule as Fhir/FhirBase.Of (the server's part): the configured public address, else the request's.
    private Uri Base() =>
        configuration["Fhir:PublicUrl"] is { Length: > 0 } configured
            ? new Uri(configured.TrimEnd('/') + "/fhir/")
            : http.HttpContext?.Request is { } request
                ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/fhir/")
                : new Uri("http://localhost/fhir/");
}
