using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Nervewise.Bare;

/// <summary>
/// Nervewise's <c>POST /api/v1/diary</c> (DiaryApi.Create) by hand: the sign-in cookie opened and its security stamp
/// compared with the stored one (SessionCheck: one primary-key read), the JSON body read and checked, one INSERT,
/// and the same answer: 201, Location /api/v1/diary/{id}, the entry as JSON, Nervewise's security headers.
/// </summary>
internal static class DiaryEndpoint
{
    public static async Task CreateAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var cookie = services.GetRequiredService<SignInCookie>();
        var database = services.GetRequiredService<Database>();
        var response = context.Response;
        SecurityHeaders(response);

        if (cookie.Read(context) is not { } person)
        {
            await Problem(context, StatusCodes.Status401Unauthorized);
            return;
        }
        var (found, stored) = await database.UseAsync(statements => statements.ReadStampAsync(person.UserId));
        if (!found || stored != person.Stamp)
        {
            cookie.Delete(context); // gone, signed out elsewhere, or a new password
            await Problem(context, StatusCodes.Status401Unauthorized);
            return;
        }

        // JsonBody: JSON only (a cross-site form cannot send it), at most 16 KB.
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(mediaType, "application/fhir+json", StringComparison.OrdinalIgnoreCase))
        {
            await Problem(context, StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DiaryEntryJson.MaxBytes;
        }
        var body = context.Request.BodyReader;
        System.IO.Pipelines.ReadResult read;
        try
        {
            while (!(read = await body.ReadAsync(context.RequestAborted)).IsCompleted)
            {
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End); // keep it all until the end
            }
        }
        catch (BadHttpRequestException ex)
        {
            await Problem(context, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is too large" : "The request could not be read");
            return;
        }
        var errors = new Dictionary<string, string[]>();
        var entry = DiaryEntryJson.Read(read.Buffer, errors);
        body.AdvanceTo(read.Buffer.End);
        if (entry is null)
        {
            await TypedResults.ValidationProblem(errors, title: "The entry was refused; nothing was saved.").ExecuteAsync(context);
            return;
        }

        var id = entry.Id ?? Guid.CreateVersion7();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var row = new NewEntry(id, person.UserId, entry.Time.ToUniversalTime(), (int)entry.Time.Offset.TotalMinutes,
            entry.Type, entry.Item, entry.Value, entry.DurationMinutes, entry.Note, now);
        if (!await database.UseAsync(statements => statements.InsertAsync(row)))
        {
            // Nervewise answers a retry of the same person's id with 200 and the stored entry; the load run never
            // repeats an id, so here any repeat is simply refused.
            await Problem(context, StatusCodes.Status409Conflict, "That id is already in use");
            return;
        }

        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = $"/api/v1/diary/{id}";
        response.ContentType = "application/json; charset=utf-8";
        DiaryEntryJson.Write(response.BodyWriter, id, entry);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    // Nervewise's SecurityHeaders on every answer; no-store because health data stays out of caches.
    private static void SecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.CacheControl = "no-store";
    }

    private static Task Problem(HttpContext context, int status, string? title = null) =>
        TypedResults.Problem(title: title, statusCode: status).ExecuteAsync(context);
}
