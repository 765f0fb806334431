using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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

        // Everything the app relies on: tables, columns and store types, keys, indexes, foreign keys, and on the C# side
        // CLR types, value conversions and navigations. (EF Core's model differ cannot read a compiled model.)
        List<string> expected = Describe(built), actual = Describe(compiled);
        Assert.True(expected.SequenceEqual(actual), Regenerate + Environment.NewLine + FirstDifference(expected, actual));
    }

    private static List<string> Describe(IModel model) =>
    [
        .. model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(table => (IEnumerable<string>)
        [
            $"table {table.Name}",
            .. table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"),
            .. table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} {string.Join(",", k.Columns.Select(c => c.Name))}"),
            .. table.Indexes.Select(i => $"{table.Name} index {i.Name} {string.Join(",", i.Columns.Select(c => c.Name))} unique={i.IsUnique} filter={i.Filter}"),
            .. table.ForeignKeyConstraints.Select(f =>
                $"{table.Name} fk {f.Name} {string.Join(",", f.Columns.Select(c => c.Name))} -> {f.PrincipalTable.Name} delete={f.OnDeleteAction}"),
        ]),
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity => (IEnumerable<string>)
        [
            $"{entity.Name} {entity.ClrType} base={entity.BaseType?.Name}",
            .. entity.GetProperties().Select(p =>
                $"{entity.Name}.{p.Name} {p.ClrType} converter={p.GetTypeMapping().Converter?.GetType()} generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken}"),
            .. entity.GetNavigations().Select(n => $"{entity.Name}.{n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection}"),
            .. entity.GetSkipNavigations().Select(n => $"{entity.Name}.{n.Name} => {n.TargetEntityType.Name}"),
        ]),
    ];

    private static string FirstDifference(List<string> built, List<string> compiled) =>
        built.Except(compiled).Concat(compiled.Except(built).Select(line => "compiled only: " + line)).FirstOrDefault() ?? "(same lines, other order)";
}
