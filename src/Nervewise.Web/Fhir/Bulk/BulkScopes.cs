namespace Nervewise.Web.Fhir.Bulk;

/// <summary>Which resource types a token's <c>user/</c> scopes let it read (SMART v1 <c>.read</c> and v2 <c>.rs</c> forms).</summary>
internal static class BulkScopes
{
    public static IReadOnlySet<string> Readable(IEnumerable<string> scopes)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            var dot = scope.IndexOf('.', StringComparison.Ordinal);
            if (!scope.StartsWith("user/", StringComparison.Ordinal) || dot < 0)
            {
                continue;
            }
            var type = scope[5..dot];
            var permissions = scope[(dot + 1)..];
            if (!Reads(permissions))
            {
                continue;
            }
            if (type == "*")
            {
                types.UnionWith(BulkExportRequest.Supported);
            }
            else if (BulkExportRequest.Supported.Contains(type))
            {
                types.Add(type);
            }
        }
        return types;
    }

    // v1 "read"/"*", or v2 letters in the order c, r, u, d, s with an r among them.
    private static bool Reads(string permissions)
    {
        if (permissions is "read" or "*")
        {
            return true;
        }
        var at = 0;
        foreach (var letter in permissions)
        {
            var found = "cruds".IndexOf(letter, at);
            if (found < 0)
            {
                return false;
            }
            at = found + 1;
        }
        return permissions.Contains('r', StringComparison.Ordinal);
    }
}
