using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Nervewise.Documents.Fhir;

/// <summary>FHIR JSON in and out through the Firely SDK, with its errors as one readable message.</summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static T Parse<T>(string json) where T : Resource =>
        TryParse(json, out var resource, out var error) && resource is T typed
            ? typed
            : throw new FormatException(error ?? $"The JSON is a {resource?.TypeName}, not a {typeof(T).Name}.");

    public static bool TryParse(string json, out Resource? resource, out string? error)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        try
        {
            if (Deserializer.TryDeserializeResource(ref reader, out resource, out var issues))
            {
                error = null;
                return true;
            }
            error = string.Join("; ", issues.Select(i => i.Message).Take(5));
            return false;
        }
        // The SDK also throws InvalidOperationException on some malformed shapes and IndexOutOfRangeException on an
        // empty property name: whatever it throws on text from outside means the text is not FHIR we can read.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            (resource, error) = (null, ex.Message);
            return false;
        }
    }

    public static string Serialize(Resource resource, bool pretty = false) => resource.ToJson(pretty);
}
