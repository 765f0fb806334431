namespace Nervewise.Domain.Assessment;

/// <summary>
/// The sources and their likelihoods as a clinician names them ("proximal hamstring tendinopathy likely"); the stored
/// codes ("tendon", "likely") stay for the API and the CLI contract. The record and the summary both use these.
/// </summary>
public static class SourceWords
{
    /// <summary>A source from its stored code ("nerve", "muscle", "tendon", "unclear").</summary>
    public static string Clinical(string code) => code switch
    {
        "nerve" => "sciatic nerve irritation (neural sensitivity)",
        "muscle" => "hamstring muscle strain",
        "tendon" => "proximal hamstring tendinopathy",
        _ => "no clear main source",
    };

    public static string Level(string code) => code switch
    {
        "likely" => "likely",
        "possible" => "possible",
        _ => "unlikely",
    };

    public static string Imaging(string code) => code == "discuss-with-clinician"
        ? "imaging worth discussing (the imaging rule was met)"
        : "imaging not indicated now";

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
