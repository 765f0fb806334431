namespace Nervewise.Data.Identity;

/// <summary>The two kinds of account. Patients register themselves; clinic administrators make clinicians.</summary>
public static class Roles
{
    public const string Patient = "patient";
    public const string Clinician = "clinician";

    public static IReadOnlyList<string> All { get; } = [Patient, Clinician];
}
