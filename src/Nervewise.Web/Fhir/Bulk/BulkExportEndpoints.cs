using System.Text.Json;
using Hl7.Fhir.Model;
using Nervewise.Data.Fhir;
using Nervewise.Domain.Clinic;
using Nervewise.Web.Clinic;

namespace Nervewise.Web.Fhir.Bulk;

/// <summary>
/// FHIR Bulk Data export of a clinician's caseload (async pattern): the kick-off queues a job and answers 202 with the
/// status address; the status answers 202 while it runs and the manifest when done; DELETE cancels; the files are NDJSON
/// and need the same clinician's token. Mapped on the /fhir group, which requires a token.
/// </summary>
public static class BulkExportEndpoints
{
    public const string NdjsonType = "application/fhir+ndjson";

    public static IEndpointRouteBuilder MapBulkExport(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("Group/caseload/$export", KickOffAsync);
        fhir.MapGet("bulk/{jobId:guid}", StatusAsync);
        fhir.MapDelete("bulk/{jobId:guid}", CancelAsync);
        fhir.MapGet("bulk/{jobId:guid}/file/{fileId:guid}", FileAsync);
        return fhir;
    }

    private static async Task<IResult> KickOffAsync(
        HttpContext context, BulkExportStore store, BulkExportSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (FhirCaller.From(context.User) is not { } caller)
        {
            return FhirOutcome.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Send an access token (Authorization: Bearer).");
        }
        if (!caller.IsClinician)
        {
            return FhirOutcome.Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                "Bulk export is for clinicians: it exports the records of the people who share with them.");
        }
        if (!request.Headers["Prefer"].Any(p => p?.Contains("respond-async", StringComparison.OrdinalIgnoreCase) == true))
        {
            return FhirOutcome.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required,
                "Prefer: send the header \"Prefer: respond-async\"; a bulk export always runs in the background.");
        }
        if (!AcceptsFhirJson(request))
        {
            return FhirOutcome.Error(StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported,
                "Accept: the kick-off answers in application/fhir+json only.");
        }
        var (parsed, error) = BulkExportRequest.Parse(request.Query);
        if (parsed is null)
        {
            return FhirOutcome.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, error!);
        }
        var readable = BulkScopes.Readable(caller.Scopes);
        if (readable.Count == 0)
        {
            return FhirOutcome.Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                "scope: the token has no user/ read scope (such as user/*.rs), which a bulk export needs.");
        }
        var types = parsed.Types;
        if (types?.FirstOrDefault(t => !readable.Contains(t)) is { } refused)
        {
            return FhirOutcome.Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"_type: the token's scopes do not allow reading {refused}.");
        }
        // Without _type, every type the token may read.
        types ??= readable.Count == BulkExportRequest.Supported.Count ? null : [.. readable.Order(StringComparer.Ordinal)];

        var fhirBase = FhirBase.Of(request);
        var requestUrl = new Uri(fhirBase, "Group/caseload/$export").AbsoluteUri + request.QueryString.Value;
        if (requestUrl.Length > 2000)
        {
            return FhirOutcome.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.TooLong, "The request's address is too long.");
        }
        var now = clock.GetUtcNow();
        var job = await store.AddAsync(new BulkExportJobRecord
        {
            Id = Guid.CreateVersion7(), ClinicianId = caller.UserId, RequestedAt = now, Status = BulkExportStore.Accepted,
            RequestUrl = requestUrl, Types = BulkExportRequest.Join(types), Since = parsed.Since,
            PersonFilter = parsed.Filter == CaseloadFilter.All ? null : CaseloadWords.Slug(parsed.Filter),
            ExpiresAt = now + BulkExportStore.GiveUpAfter,
        }, cancellationToken);
        signal.Wake();
        context.Response.Headers.ContentLocation = StatusUrl(fhirBase, job.Id);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> StatusAsync(Guid jobId, HttpContext context, BulkExportStore store, CancellationToken cancellationToken)
    {
        if (FhirCaller.From(context.User) is not { } caller)
        {
            return FhirOutcome.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Send an access token (Authorization: Bearer).");
        }
        context.Response.Headers.CacheControl = "no-store";
        var job = await store.FindAsync(jobId, caller.UserId, cancellationToken);
        switch (job?.Status)
        {
            case null:
                return FhirOutcome.NotFound($"There is no bulk export {jobId} of yours: it may have been cancelled or expired.");
            case BulkExportStore.Accepted or BulkExportStore.Running:
                context.Response.Headers["X-Progress"] = job.Status == BulkExportStore.Accepted ? "Waiting to start" : "Exporting";
                context.Response.Headers.RetryAfter = "2";
                return Results.StatusCode(StatusCodes.Status202Accepted);
            case BulkExportStore.Failed:
                return FhirOutcome.Error(StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception,
                    job.Error ?? "The export could not be completed.");
        }
        var fhirBase = FhirBase.Of(context.Request);
        var files = await store.FilesAsync(jobId, cancellationToken);
        context.Response.Headers.Expires = job.ExpiresAt.ToString("R");
        // transactionTime is when the job was asked for: every change before it is in the files, so a client that
        // passes it as the next _since misses nothing.
        var manifest = new
        {
            transactionTime = job.RequestedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            request = job.RequestUrl,
            requiresAccessToken = true,
            output = files.Select(f => new { type = f.ResourceType, url = new Uri(fhirBase, $"bulk/{jobId}/file/{f.Id}").AbsoluteUri, count = f.Count }),
            error = Array.Empty<object>(),
        };
        return Results.Json(manifest, JsonSerializerOptions.Web, "application/json");
    }

    private static async Task<IResult> CancelAsync(Guid jobId, HttpContext context, BulkExportStore store, CancellationToken cancellationToken)
    {
        if (FhirCaller.From(context.User) is not { } caller)
        {
            return FhirOutcome.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Send an access token (Authorization: Bearer).");
        }
        return await store.DeleteAsync(jobId, caller.UserId, cancellationToken)
            ? Results.StatusCode(StatusCodes.Status202Accepted)
            : FhirOutcome.NotFound($"There is no bulk export {jobId} of yours to cancel.");
    }

    private static async Task<IResult> FileAsync(Guid jobId, Guid fileId, HttpContext context, BulkExportStore store, CancellationToken cancellationToken)
    {
        if (FhirCaller.From(context.User) is not { } caller)
        {
            return FhirOutcome.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Send an access token (Authorization: Bearer).");
        }
        context.Response.Headers.CacheControl = "no-store";
        // The token must still be one that may read this type for the caseload (not, say, one person's patient token).
        var type = await store.FileTypeAsync(jobId, fileId, caller.UserId, cancellationToken);
        if (type is not null && !BulkScopes.Readable(caller.Scopes).Contains(type))
        {
            return FhirOutcome.Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"scope: this token may not read {type} for the people who share with you (it needs user/{type}.rs or user/*.rs).");
        }
        return await store.FileContentAsync(jobId, fileId, caller.UserId, cancellationToken) is { } content
            ? Results.Text(content, NdjsonType, System.Text.Encoding.UTF8)
            : FhirOutcome.NotFound($"There is no file {fileId} in a finished bulk export {jobId} of yours.");
    }

    public static string StatusUrl(Uri fhirBase, Guid jobId) => new Uri(fhirBase, $"bulk/{jobId}").AbsoluteUri;

    private static bool AcceptsFhirJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return string.IsNullOrWhiteSpace(accept)
            || accept.Contains("application/fhir+json", StringComparison.OrdinalIgnoreCase)
            || accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            || accept.Contains("*/*", StringComparison.Ordinal);
    }
}
