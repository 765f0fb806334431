namespace Nervewise.Web.Fhir;

/// <summary>
/// SMART scopes: <c>patient/</c> or <c>user/</c>, a resource type or <c>*</c>, and the permissions (v2 <c>.rs</c>,
/// <c>.r</c>, <c>.s</c>; v1 <c>.read</c> and <c>.*</c> mean both). The server is read-only, so only r and s matter.
/// </summary>
public static class FhirScopes
{
    public enum Context
    {
        Patient,
        User,
    }

    /// <summary>Whether the scopes allow reading (<paramref name="search"/> false) or searching a type in a context.</summary>
    public static bool Allow(IEnumerable<string> scopes, Context context, string type, bool search)
    {
        var prefix = context == Context.Patient ? "patient/" : "user/";
        foreach (var scope in scopes)
        {
            if (!scope.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = scope[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0)
            {
                continue;
            }
            var scopedType = rest[..dot];
            var permissions = rest[(dot + 1)..];
            if (scopedType != "*" && scopedType != type)
            {
                continue;
            }
            if (permissions is "read" or "*" || Grants(permissions, search ? 's' : 'r'))
            {
                return true;
            }
        }
        return false;
    }

    // v2 permissions are letters from "cruds" in that order, at most once each (https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html).
    private static bool Grants(string permissions, char wanted)
    {
        const string order = "cruds";
        var last = -1;
        foreach (var letter in permissions)
        {
            var at = order.IndexOf(letter, StringComparison.Ordinal);
            if (at <= last)
            {
                return false;
            }
            last = at;
        }
        return permissions.Contains(wanted, StringComparison.Ordinal);
    }
}
