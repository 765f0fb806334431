using System.Security.Cryptography;
using System.Text;

namespace Nervewise.Web.Smart;

/// <summary>
/// The FHIR Patient id of a user, as the export makes it. The record helper adds FhirExport.PatientId with the same
/// rule; at merge this should call it instead.
/// </summary>
public static class SmartIds
{
    public static string PatientId(string userId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"patient:{userId}")).AsSpan(0, 16)).ToString();
}
