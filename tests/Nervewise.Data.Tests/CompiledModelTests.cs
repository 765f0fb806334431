using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Nervewise.Testing;

namespace Nervewise.Data.Tests;

public sealed class CompiledModelTestsOnSqlite() : CompiledModelTests(DatabaseProvider.Sqlite, "SqliteNervewiseDbContext", "Sqlite");

public sealed class CompiledModelTestsOnPostgres() : CompiledModelTests(DatabaseProvider.Postgres, "PostgresNervewiseDbContext", "Postgres");

/// <summary>
/// The app runs on the compiled models in src/Nervewise.Data/CompiledModels (ADR 0022); a model change without
/// regenerating them would run the old model. Compared here with the model EF Core builds from the code.
/// </summary>
public abstract class CompiledModelTests(DatabaseProvider provider, string context, string folder)
{
    private string Regenerate =>
        $"The compiled model of {context} is out of date. Run: dotnet tool restore && dotnet ef dbcontext optimize " +
        $"--project src/Nervewise.Data --startup-project src/Nervewise.Data --context {context} " +
        $"--output-dir CompiledModels/{folder} --namespace Nervewise.Data.CompiledModels.{folder}";

    [Fact]
    public async Task The_compiled_model_is_the_model_the_code_builds()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.OpenContext();
        var compiled = db.Model;
        // Built from the code, as migrations see it, whatever model the context runs on.
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.True(compiled is RuntimeModel, "The context does not run on its compiled model.");

        // The schema: tables, columns, types, keys, indexes, foreign keys.
        var differ = db.GetService<IMigrationsModelDiffer>();
        Assert.False(differ.HasDifferences(compiled.GetRelationalModel(), built.GetRelationalModel()), Regenerate);

        // What the schema does not show: CLR types, value conversions, navigations, delete behaviour.
        List<string> expected = Describe(built), actual = Describe(compiled);
        Assert.True(expected.SequenceEqual(actual), Regenerate + Environment.NewLine + FirstDifference(expected, actual));
    }

    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity => (IEnumerable<string>)
        [
            $"{entity.Name} {entity.ClrType} table={entity.GetTableName()} base={entity.BaseType?.Name}",
            .. entity.GetProperties().Select(p =>
                $"{entity.Name}.{p.Name} {p.ClrType} column={p.GetColumnName()} null={p.IsNullable} max={p.GetMaxLength()} " +
                $"converter={p.GetTypeMapping().Converter?.GetType()} provider={p.GetTypeMapping().ProviderClrType} " +
                $"store={p.GetColumnType()} generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken}"),
            .. entity.GetNavigations().Select(n => $"{entity.Name}.{n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection}"),
            .. entity.GetSkipNavigations().Select(n => $"{entity.Name}.{n.Name} => {n.TargetEntityType.Name}"),
            .. entity.GetKeys().Select(k => $"{entity.Name} key {string.Join(",", k.Properties.Select(p => p.Name))}"),
            .. entity.GetIndexes().Select(i => $"{entity.Name} index {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique} filter={i.GetFilter()}"),
            .. entity.GetForeignKeys().Select(f =>
                $"{entity.Name} fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} delete={f.DeleteBehavior} required={f.IsRequired}"),
        ]),
    ];

    private static string FirstDifference(List<string> built, List<string> compiled) =>
        built.Except(compiled).Concat(compiled.Except(built).Select(line => "compiled only: " + line)).FirstOrDefault() ?? "(same lines, other order)";
}
