using System.Reflection;
using System.Xml.Linq;
using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Architecture;

/// <summary>
/// The Domain is the clinical reasoning and nothing else: it references no package at all (design.md, ADR 0019).
/// File formats (PDF, FHIR, calendar) and time zone data live in Nervewise.Documents.
/// </summary>
public class DomainReferencesTests
{
    private static readonly Assembly Domain = typeof(AssessmentEngine).Assembly;

    [Fact]
    public void The_domain_assembly_references_only_the_framework()
    {
        // Every framework assembly is loaded from the shared runtime folder; a package's would come from the app folder.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        var outside = Domain.GetReferencedAssemblies()
            .Where(name => Path.GetDirectoryName(Assembly.Load(name).Location) != runtime)
            .Select(name => name.Name)
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void The_domain_project_has_no_package_reference()
    {
        // The compiler drops a reference the code does not use; the project file says what would be shipped.
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Nervewise.Domain", "Nervewise.Domain.csproj"));

        var packages = project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();

        Assert.Empty(packages);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Nervewise.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Nervewise.slnx not found above the test folder.");
    }
}
