using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nervewise.Data;

// Used only by `dotnet ef migrations add`; the connection strings never reach a running app.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNervewiseDbContext>
{
    public SqliteNervewiseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNervewiseDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNervewiseDbContext>
{
    public PostgresNervewiseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNervewiseDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
