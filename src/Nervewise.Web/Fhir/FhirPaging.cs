using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace Nervewise.Web.Fhir;

/// <summary>
/// A searchset Bundle, one page at a time: <c>total</c>, a <c>self</c> link and a <c>next</c> link while more remain.
/// The page token is opaque to clients (an offset into the stable order the server always sorts in).
/// </summary>
public static class FhirPaging
{
    public const string PageParameter = "_page";

    private const string Prefix = "offset:";

    public static string Token(int offset) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int? ReadOffset(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static Bundle Page(IReadOnlyList<Resource> matches, FhirSearch search, string type, HttpRequest request, Uri fhirBase)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = matches.Count };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Link(type, request, fhirBase, search.Offset, search.Count) });
        var next = search.Offset + search.Count;
        if (search.Count > 0 && next < matches.Count)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(type, request, fhirBase, next, search.Count) });
        }
        foreach (var resource in matches.Skip(search.Offset).Take(search.Count))
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = new Uri(fhirBase, $"{resource.TypeName}/{resource.Id}").AbsoluteUri,
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }
        return bundle;
    }

    /// <summary>The same search at another offset: every parameter kept, the count explicit, the page token replaced.</summary>
    private static string Link(string type, HttpRequest request, Uri fhirBase, int offset, int count)
    {
        var parameters = request.Query
            .Where(p => p.Key is not (PageParameter or "_count"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("_count", count.ToString(CultureInfo.InvariantCulture)));
        if (offset > 0)
        {
            parameters = parameters.Append(new(PageParameter, Token(offset)));
        }
        return QueryHelpers.AddQueryString(new Uri(fhirBase, type).AbsoluteUri, parameters);
    }
}
