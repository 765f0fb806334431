using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Fhir;

/// <summary>Read and search of people's resources: only what the token may read, loading only the records needed.</summary>
public static class FhirRecordEndpoints
{
    public static async Task<IResult> SearchAsync(string type, HttpContext context, FhirReader reader)
    {
        var request = context.Request;
        var fhirBase = FhirBase.Of(request);
        var (search, error) = FhirSearch.Parse(type, request.Query, fhirBase);
        if (search is null)
        {
            return error!;
        }
        if (Refusal(context, type, search: true) is { } refusal)
        {
            return refusal;
        }
        var caller = FhirCaller.From(context.User)!;
        var people = await reader.ReadableAsync(caller, type, search: true, context.RequestAborted);
        var asked = search.Patients;
        if (type == "Patient" && request.Query.TryGetValue("_id", out var ids))
        {
            // A Patient's id names its person: load only theirs (an id the token may not read simply matches nothing).
            var wanted = ids.SelectMany(v => v!.Split(',')).ToHashSet(StringComparer.Ordinal);
            people = [.. people.Where(p => wanted.Contains(p.PatientId))];
        }
        if (asked is not null)
        {
            if (asked.FirstOrDefault(id => people.TrueForAll(p => p.PatientId != id)) is { } other)
            {
                return FhirOutcome.Forbidden($"This access token does not give access to Patient/{other}.");
            }
            people = [.. people.Where(p => asked.Contains(p.PatientId))];
        }

        var matches = (await reader.LoadAsync(people, fhirBase, context.RequestAborted))
            .Where(m => m.Resource.TypeName == type && search.Matches(m.Resource))
            .ToList();
        var refused = await reader.LogAsync(caller, matches.Select(m => m.Person), context.RequestAborted);
        var served = matches.Where(m => !refused.Contains(m.Person.UserId)).Select(m => m.Resource).ToList();
        return new FhirResult(FhirPaging.Page(served, search, type, request, fhirBase));
    }

    public static async Task<IResult> ReadAsync(string type, string id, HttpContext context, FhirReader reader)
    {
        if (!FhirEndpoints.IsId(id))
        {
            return FhirOutcome.NotFound($"'{id}' is not a resource id (letters, digits, '-' and '.', at most 64).");
        }
        if (Refusal(context, type, search: false) is { } refusal)
        {
            return refusal;
        }
        var caller = FhirCaller.From(context.User)!;
        var readable = await reader.ReadableAsync(caller, type, search: false, context.RequestAborted);
        IReadOnlyList<FhirReader.Person> people;
        if (type == "Patient")
        {
            if (readable.Find(p => p.PatientId == id) is not { } person)
            {
                return FhirOutcome.Forbidden($"This access token does not give access to Patient/{id}.");
            }
            people = [person];
        }
        else
        {
            people = await reader.WhoseAsync(readable, id, context.RequestAborted);
        }

        var found = (await reader.LoadAsync(people, FhirBase.Of(context.Request), context.RequestAborted))
            .FirstOrDefault(m => m.Resource.TypeName == type && m.Resource.Id == id);
        if (found.Resource is null)
        {
            return FhirOutcome.NotFound($"There is no {type}/{id} that this access token may read.");
        }
        var refused = await reader.LogAsync(caller, [found.Person], context.RequestAborted);
        return refused.Count > 0
            ? FhirOutcome.Forbidden($"This access token no longer gives access to {type}/{id}.")
            : new FhirResult(found.Resource);
    }

    /// <summary>A 403 when the token has no scope for this type and interaction, or a patient scope without a patient.</summary>
    private static IResult? Refusal(HttpContext context, string type, bool search)
    {
        if (FhirCaller.From(context.User) is not { } caller)
        {
            return FhirOutcome.Forbidden("This access token names no user.");
        }
        var what = search ? "search" : "read";
        var asUser = FhirScopes.Allow(caller.Scopes, FhirScopes.Context.User, type, search);
        var asPatient = FhirScopes.Allow(caller.Scopes, FhirScopes.Context.Patient, type, search);
        if (!asUser && !asPatient)
        {
            return FhirOutcome.Forbidden($"This access token has no scope to {what} {type}: it needs patient/{type}.rs, user/{type}.rs or a '*' form.");
        }
        return !asUser && caller.PatientContext is null
            ? FhirOutcome.Forbidden("This access token has patient scopes but names no patient.")
            : null;
    }
}
