using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Nervewise.Data.Diary;
using Nervewise.Domain.Diary;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Api;

internal static class DiaryApi
{
    public sealed record EntryView(Guid Id, string Time, string Type, string Item, decimal? Value, int? DurationMinutes, string Note);

    public sealed record PageView(IReadOnlyList<EntryView> Items, int Page, int PageSize, int Total);

    public static RouteGroupBuilder MapDiaryApi(this RouteGroupBuilder api)
    {
        var diary = api.MapGroup("/diary");
        var limit = new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DiaryRequest.MaxBytes);
        diary.MapPost("", Create).WithMetadata(limit);
        diary.MapGet("", List);
        diary.MapGet("/{id:guid}", Get);
        diary.MapPut("/{id:guid}", Update).WithMetadata(limit);
        diary.MapDelete("/{id:guid}", Delete);
        return api;
    }

    public static EntryView View(DiaryEntryRecord r) =>
        new(r.Id, DiaryTime.Format(r.LocalTime), r.Type, r.Item, r.Value, r.DurationMinutes, r.Note);

    /// <summary>Create with a client-made id: a retry of the same id answers 200 with what is stored and adds nothing.</summary>
    private static async Task<IResult> Create(
        HttpContext context, DiaryStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var parsed = DiaryRequest.Read(body);
        if (parsed.Entry is null)
        {
            return Refused(parsed.Errors);
        }
        var (outcome, record) = await store.AddAsync(Owner.Of(context), parsed.Id ?? Guid.CreateVersion7(), parsed.Entry, cancellationToken);
        return outcome switch
        {
            DiaryStore.Outcome.Created => TypedResults.Created($"/api/v1/diary/{record!.Id}", View(record)),
            DiaryStore.Outcome.AlreadyThere => TypedResults.Ok(View(record!)),
            _ => (IResult)TypedResults.Problem(title: "That id is already in use", detail: "Make a new id for a new entry.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<Ok<PageView>, ValidationProblem>> List(
        HttpContext context, DiaryStore store, CancellationToken cancellationToken,
        string? from = null, string? to = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset? start = null, end = null;
        if (from is not null)
        {
            start = DiaryTime.TryParse(from, out var f) ? f : null;
            if (start is null) errors["from"] = [DiaryTime.Expected];
        }
        if (to is not null)
        {
            end = DiaryTime.TryParse(to, out var t) ? t : null;
            if (end is null) errors["to"] = [DiaryTime.Expected];
        }
        if (page < 1) errors["page"] = ["must be 1 or more"];
        if (pageSize is < 1 or > DiaryStore.MaxPageSize) errors["pageSize"] = [$"must be from 1 to {DiaryStore.MaxPageSize}"];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (items, total) = await store.PageAsync(Owner.Of(context), page, pageSize, start, end, cancellationToken);
        return TypedResults.Ok(new PageView([.. items.Select(View)], page, pageSize, total));
    }

    private static async Task<Results<Ok<EntryView>, NotFound>> Get(
        Guid id, HttpContext context, DiaryStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(Owner.Of(context), id, cancellationToken) is { } record
            ? TypedResults.Ok(View(record))
            : TypedResults.NotFound();

    private static async Task<IResult> Update(
        Guid id, HttpContext context, DiaryStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var parsed = DiaryRequest.Read(body);
        if (parsed.Entry is null)
        {
            return TypedResults.ValidationProblem(parsed.Errors, title: "The entry was refused; nothing was changed.");
        }
        var record = await store.UpdateAsync(Owner.Of(context), id, parsed.Entry, cancellationToken);
        return record is null ? TypedResults.NotFound() : (IResult)TypedResults.Ok(View(record));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(
        Guid id, HttpContext context, DiaryStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(Owner.Of(context), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ValidationProblem Refused(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The entry was refused; nothing was saved.");
}
