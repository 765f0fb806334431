using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Input;
using Nervewise.Web.Assessment;
using Nervewise.Web.Fhir;

namespace Nervewise.Web.Api;

internal static class AssessmentsApi
{
    private static readonly string[] JsonTypes = ["application/json", "application/fhir+json"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/questionnaires/assessment", GetQuestionnaire).AllowAnonymous();
        api.MapPost("/assessments", Create)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AssessmentInput.MaxBytes));
        api.MapGet("/assessments", List);
        api.MapGet("/assessments/{id:guid}", Get);
        return api;
    }

    /// <summary>The FHIR R4 Questionnaire: the one definition of the questions, with the canonical URL /fhir serves it at.</summary>
    private static ContentHttpResult GetQuestionnaire(HttpRequest request) =>
        TypedResults.Text(FhirJson.Serialize(FhirQuestionnaire.For(FhirBase.Of(request))), "application/fhir+json", Encoding.UTF8);

    private static async Task<IResult> Create(
        HttpRequest request, ClaimsPrincipal principal, UserManager<Data.Identity.NervewiseUser> users,
        AssessmentStore store, CancellationToken cancellationToken)
    {
        // JSON only: a cross-site HTML form cannot send it, which protects this cookie-authenticated endpoint.
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !JsonTypes.Contains(mediaType))
        {
            return TypedResults.Problem(
                title: "Send the answers as JSON",
                detail: "Use Content-Type application/json (a plain object of linkId to value) or application/fhir+json (a QuestionnaireResponse).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        string body;
        try
        {
            // Strict UTF-8: a broken byte is refused, not quietly turned into U+FFFD.
            using var reader = new StreamReader(request.Body, StrictUtf8);
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return JsonBody.TooLargeOr(ex, request);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [StoredText.BrokenCharacter] },
                title: "The answers were refused; nothing was saved.");
        }

        AssessmentAnswers answers;
        try
        {
            answers = QuestionnaireResponseReader.ParseAnswers(body);
        }
        catch (AssessmentInputException ex)
        {
            return TypedResults.ValidationProblem(
                ex.Errors.GroupBy(e => e.Item).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                title: "The answers were refused; nothing was saved.");
        }

        var userId = users.GetUserId(principal)!;
        var record = await store.SaveAsync(userId, answers, cancellationToken);
        return TypedResults.Created($"/api/v1/assessments/{record.Id}", AssessmentStore.ToApi(record));
    }

    private static async Task<Ok<JsonArray>> List(
        ClaimsPrincipal principal, UserManager<Data.Identity.NervewiseUser> users, AssessmentStore store, CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(users.GetUserId(principal)!, cancellationToken);
        return TypedResults.Ok(new JsonArray([.. records.Select(r => (JsonNode)AssessmentStore.ToApi(r))]));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> Get(
        Guid id, ClaimsPrincipal principal, UserManager<Data.Identity.NervewiseUser> users, AssessmentStore store, CancellationToken cancellationToken)
    {
        // Someone else's assessment is "not found", never "forbidden": its existence is private too.
        var record = await store.FindAsync(users.GetUserId(principal)!, id, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(AssessmentStore.ToApi(record));
    }
}
