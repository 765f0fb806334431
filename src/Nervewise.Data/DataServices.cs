using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data.CompiledModels.Postgres;
using Nervewise.Data.CompiledModels.Sqlite;
using Nervewise.Data.Identity;

namespace Nervewise.Data;

public static class DataServices
{
    /// <summary>
    /// Registers <see cref="NervewiseDbContext"/> for the provider in the registered <see cref="DatabaseSettings"/>.
    /// The settings are read when the first context is made, so hosts and tests can supply them late.
    /// </summary>
    public static IServiceCollection AddNervewiseData(this IServiceCollection services)
    {
        // Pooled: a request reuses a context and its options instead of building both again (docs/performance.md).
        // The contexts keep no state of their own between requests, so reuse is safe.
        // Each engine's compiled model (CompiledModels/, `dotnet ef dbcontext optimize`, README): building the
        // model at start cost more CPU than anything else before the first answer (ADR 0022).
        services.AddDbContextPool<SqliteNervewiseDbContext>((sp, options) =>
            Configure(sp, options).UseModel(SqliteNervewiseDbContextModel.Instance));
        services.AddDbContextPool<PostgresNervewiseDbContext>((sp, options) =>
            Configure(sp, options).UseModel(PostgresNervewiseDbContextModel.Instance));
        services.AddScoped<NervewiseDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresNervewiseDbContext>(),
            _ => sp.GetRequiredService<SqliteNervewiseDbContext>(),
        });
        return services;
    }

    /// <summary>Identity without cookies or sign-in, for the CLI: users, roles, password hashing, the same rules.</summary>
    public static IdentityBuilder AddNervewiseIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<NervewiseUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NervewiseDbContext>()
            .AddNervewiseRules();

    /// <summary>
    /// OpenIddict's managers (apps, approvals, tokens) over our database, for the web app's SMART on FHIR server and
    /// for <c>nervewise clients add</c>.
    /// </summary>
    public static OpenIddictBuilder AddNervewiseOpenIddictCore(this IServiceCollection services) =>
        services.AddOpenIddict().AddCore(options => options.UseEntityFrameworkCore().UseDbContext<NervewiseDbContext>());

    public static DbContextOptionsBuilder Configure(DatabaseSettings settings, DbContextOptionsBuilder options) =>
        settings.Provider switch
        {
            DatabaseProvider.Postgres => UsePostgres(settings, options),
            _ => UseSqlite(settings, options),
        };

    // One method per engine, never inlined, so that running on one never loads the other's EF Core provider.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UsePostgres(DatabaseSettings settings, DbContextOptionsBuilder options) =>
        options.UseNpgsql(settings.ConnectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UseSqlite(DatabaseSettings settings, DbContextOptionsBuilder options) =>
        options.UseSqlite(settings.ConnectionString)
            .AddInterceptors(SqliteConnectionSettings.Instance)
            .ReplaceService<IMigrationsSqlGenerator, SqliteAtomicMigrationsSqlGenerator>()
            .ReplaceService<IMigrator, SqliteForeignKeysOffMigrator>();

    private static DbContextOptionsBuilder Configure(IServiceProvider sp, DbContextOptionsBuilder options) =>
        Configure(sp.GetRequiredService<DatabaseSettings>(), options);
}
