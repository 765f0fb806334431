namespace Nervewise.Data;

/// <summary>
/// A compiled query (or a set of them) made once for each engine and picked by the context's type. A compiled query
/// keeps the model and provider it first ran with, so the SQLite and the PostgreSQL context each need their own.
/// </summary>
public sealed class PerEngine<TQuery>(TQuery onSqlite, TQuery onPostgres)
{
    public TQuery For(NervewiseDbContext db) => db switch
    {
        SqliteNervewiseDbContext => onSqlite,
        PostgresNervewiseDbContext => onPostgres,
        _ => throw new NotSupportedException($"No compiled query for {db.GetType().Name}."),
    };
}

public static class PerEngine
{
    /// <summary>Calls <paramref name="compile"/> twice: one copy for each engine.</summary>
    public static PerEngine<TQuery> Compile<TQuery>(Func<TQuery> compile) => new(compile(), compile());
}
