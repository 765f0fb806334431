using Nervewise.Web.Account;

namespace Nervewise.Web.Tests.Pages.Account;

/// <summary>Scopes in plain words: v2 and v1 forms read the same, resource types by name, unknown ones by type.</summary>
public sealed class AppAccessWordsTests
{
    [Fact]
    public void Each_resource_scope_reads_as_words_whatever_its_version()
    {
        Assert.Equal(
            ["Your diary: pain, flare-ups, symptoms, sleep, activity, exercises and check-ins", "Your assessment answers"],
            AppAccessWords.For(["patient/Observation.rs", "patient/Observation.read", "patient/QuestionnaireResponse.rs"], clinician: false));
    }

    [Fact]
    public void A_clinicians_user_scopes_name_the_people_who_share()
    {
        Assert.Equal(["Diaries of the people who share with you"], AppAccessWords.For(["user/Observation.rs"], clinician: true));
    }

    [Fact]
    public void Sign_in_only_scopes_and_none_are_said_plainly()
    {
        Assert.Equal(["Who you are (which Nervewise account signed in)"], AppAccessWords.For(["openid", "fhirUser", "launch/patient"], clinician: false));
        Assert.Equal(["Nothing from your record"], AppAccessWords.For([], clinician: false));
    }
}
