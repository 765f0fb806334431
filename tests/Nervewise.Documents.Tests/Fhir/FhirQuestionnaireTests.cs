using Hl7.Fhir.Model;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Assessment;

namespace Nervewise.Documents.Tests.Fhir;

/// <summary>
/// The Domain reads its questionnaire with System.Text.Json (ADR 0019); the Firely SDK reads the same file here, so
/// the file stays valid FHIR and both readings agree on every screen, item, limit, option and condition.
/// </summary>
public class FhirQuestionnaireTests
{
    private const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

    [Fact]
    public void It_is_a_valid_fhir_r4_questionnaire_that_round_trips()
    {
        var resource = FhirJson.Parse<Questionnaire>(AssessmentQuestionnaire.Current.Json);

        Assert.Equal(AssessmentQuestionnaire.Canonical, resource.Url);
        Assert.Equal(PublicationStatus.Active, resource.Status);
        Assert.Equal(resource.Version, AssessmentQuestionnaire.Current.Version);
        Assert.All(resource.Item, group => Assert.Equal(Questionnaire.QuestionnaireItemType.Group, group.Type));
        Assert.Contains("\"linkId\":\"trend\"", FhirJson.Serialize(resource), StringComparison.Ordinal);
    }

    [Fact]
    public void The_domains_reading_agrees_with_the_fhir_sdks()
    {
        var fhir = FhirQuestionnaire.Current;
        var domain = AssessmentQuestionnaire.Current;

        Assert.Equal(fhir.Item.Select(g => (g.LinkId!, g.Text!, Intro(g))), domain.Screens.Select(s => (s.Id, s.Title, s.Intro)));
        var fhirItems = fhir.Item.SelectMany(g => g.Item.Where(i => i.Type != Questionnaire.QuestionnaireItemType.Display)
            .Select(i => (Screen: g.LinkId, Item: i))).ToList();
        Assert.Equal(fhirItems.Count, domain.Items.Count);
        foreach (var (screen, item) in fhirItems)
        {
            var read = domain.Items[item.LinkId!];
            Assert.Equal(
                (item.Text, item.Type.ToString(), screen, Limit(item, MinValue), Limit(item, MaxValue)),
                (read.Text, read.Type.ToString(), read.ScreenId, read.Min, read.Max));
            Assert.Equal(item.AnswerOption.Select(o => o.Value).OfType<Coding>().Select(c => (c.Code!, c.Display!)), read.Options.Select(o => (o.Code, o.Display)));
            var condition = item.EnableWhen.SingleOrDefault();
            Assert.Equal(condition is null ? null : new EnableWhen(condition.Question!, ((FhirBoolean)condition.Answer).Value!.Value), read.EnableWhen);
        }
        Assert.Contains(domain.Screens, s => s.Intro is not null);
        Assert.Contains(domain.Items.Values, i => i.EnableWhen is not null);
        Assert.Contains(domain.Items.Values, i => i.Max is not null);
    }

    [Fact]
    public void Screen_introductions_are_display_items_that_every_renderer_shows_first_in_their_group()
    {
        var fhir = FhirQuestionnaire.For(new Uri("https://clinic.example/fhir/"));
        var groups = fhir.Item.Where(g => g.Item.Any(i => i.Type == Questionnaire.QuestionnaireItemType.Display)).ToList();

        Assert.Equal(AssessmentQuestionnaire.Current.Screens.Count(s => s.Intro is not null), groups.Count);
        Assert.NotEmpty(groups);
        Assert.All(groups, g =>
        {
            Assert.Equal(Questionnaire.QuestionnaireItemType.Display, g.Item[0].Type);
            Assert.Equal($"{g.LinkId}-intro", g.Item[0].LinkId);
            Assert.Single(g.Item, i => i.Type == Questionnaire.QuestionnaireItemType.Display);
        });
        // No private extension left for a renderer to drop.
        Assert.DoesNotContain("screen-intro\"", FhirJson.Serialize(fhir), StringComparison.Ordinal);
    }

    private static string? Intro(Questionnaire.ItemComponent group) =>
        group.Item.FirstOrDefault(i => i.Type == Questionnaire.QuestionnaireItemType.Display)?.Text;

    private static int? Limit(Questionnaire.ItemComponent item, string url) => item.GetExtensionValue<Integer>(url)?.Value;
}
