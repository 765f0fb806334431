using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Nervewise.Domain.Input;

namespace Nervewise.Web.Api;

/// <summary>
/// Reads a JSON request body by hand, so that every way a body can be wrong (not JSON, too deep, too large, a
/// broken character, the wrong content type) is answered with ProblemDetails saying which, never a bare status.
/// </summary>
internal static class JsonBody
{
    /// <summary>Deep enough for any real request here; far below the depth where parsing would cost much.</summary>
    public const int MaxDepth = 32;

    private static readonly string[] JsonTypes = ["application/json", "application/fhir+json"];

    public static async Task<(JsonElement Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (UnsupportedType(request) is { } unsupported)
        {
            return (default, unsupported);
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = MaxDepth }, cancellationToken);
            if (JsonText.FirstUnreadable(document.RootElement) is { } broken)
            {
                return (default, Invalid(broken, StoredText.BrokenCharacter));
            }
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, Invalid("$", $"is not valid JSON: {ex.Message}"));
        }
        catch (BadHttpRequestException ex)
        {
            return (default, TooLargeOr(ex, request));
        }
    }

    /// <summary>JSON only: a cross-site HTML form cannot send it, which protects these cookie-authenticated endpoints.</summary>
    public static IResult? UnsupportedType(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType is not null && JsonTypes.Contains(mediaType)
            ? null
            : TypedResults.Problem(
                title: "Send the body as JSON",
                detail: "Use Content-Type application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>The server refused to read on: usually a body over the endpoint's size limit.</summary>
    public static IResult TooLargeOr(BadHttpRequestException ex, HttpRequest request)
    {
        if (ex.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(title: "The request could not be read", detail: ex.Message, statusCode: ex.StatusCode);
        }
        var limit = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        return TypedResults.Problem(
            title: "The body is too large",
            detail: limit is { } bytes ? $"Send at most {bytes / 1024} KB." : "Send a smaller body.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The body was refused; nothing was saved.");
}
