using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data.Export;
using Nervewise.Data.Identity;
using Nervewise.Data.Plan;
using Nervewise.Domain.Rehab;
using Nervewise.Testing;

namespace Nervewise.Data.Tests.Export;

public sealed class FhirRecordTestsOnSqlite() : FhirRecordTests(DatabaseProvider.Sqlite);

public sealed class FhirRecordTestsOnPostgres() : FhirRecordTests(DatabaseProvider.Postgres);

/// <summary>The CarePlan the FHIR export carries follows the stored pathway and the stage's own exercises.</summary>
public abstract class FhirRecordTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_stored_tendon_pathway_gives_the_care_plan_its_pathway_and_its_own_exercises()
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.OpenServices();
        await services.InitializeDatabaseAsync();
        string id;
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
            var user = new NervewiseUser { UserName = "pat@example.com", Email = "pat@example.com" };
            Assert.True((await users.CreateAsync(user, "long enough phrase")).Succeeded);
            id = user.Id;
        }
        await new PlanSettingsStore(database.OpenContext(), new FakeTimeProvider(now.AddDays(-3)))
            .ChangeAsync(id, PlanActor.Self(id), s => s with { Pathway = Pathway.Tendon, Stage = Stage.SlowHeavy });

        var record = await FhirRecord.LoadAsync(database.OpenContext(), id, now);

        var plan = record.CurrentPlan!;
        var rules = RehabRules.Current;
        Assert.Equal(("tendon", "Sit-bone tendon", "slow-heavy", "Slow heavy lifts"), (plan.Pathway, plan.PathwayTitle, plan.Stage, plan.StageTitle));
        Assert.Equal(now.AddDays(-3), plan.Since);
        Assert.Equal(rules.For(Pathway.Tendon, Stage.SlowHeavy).Plan.Select(i => i.Exercise).Order(), plan.Sessions.Select(s => s.Exercise).Order());
    }
}
