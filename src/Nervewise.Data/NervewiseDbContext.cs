using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data.Identity;

namespace Nervewise.Data;

/// <summary>
/// The one database of the product. Each provider has its own subclass so that each keeps its own
/// migrations (ADR 0002); code everywhere else asks for this base type.
/// </summary>
public class NervewiseDbContext(DbContextOptions options)
    : IdentityDbContext<NervewiseUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Data Protection keys, shared by every web instance so they accept each other's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

public sealed class SqliteNervewiseDbContext(DbContextOptions<SqliteNervewiseDbContext> options)
    : NervewiseDbContext(options);

public sealed class PostgresNervewiseDbContext(DbContextOptions<PostgresNervewiseDbContext> options)
    : NervewiseDbContext(options);
