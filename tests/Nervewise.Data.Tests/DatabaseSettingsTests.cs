using Nervewise.Data;

namespace Nervewise.Data.Tests;

public class DatabaseSettingsTests
{
    [Fact]
    public void With_nothing_set_it_is_a_SQLite_file_under_data_in_the_given_folder()
    {
        var settings = DatabaseSettings.Create(null, null, "/srv/nervewise");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("/srv/nervewise/data/nervewise.db", settings.SqliteFile);
    }

    [Fact]
    public void An_absolute_SQLite_path_is_kept()
    {
        var settings = DatabaseSettings.Create("sqlite", "Data Source=/var/lib/nw.db", "/srv/nervewise");

        Assert.Equal("/var/lib/nw.db", settings.SqliteFile);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    [InlineData(" npgsql ")]
    public void Postgres_is_named_in_any_common_way(string name) =>
        Assert.Equal(DatabaseProvider.Postgres, DatabaseSettings.Create(name, "Host=db", "/").Provider);

    [Fact]
    public void An_unknown_provider_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseSettings.Create("mysql", null, "/"));

        Assert.StartsWith("Unknown database provider 'mysql'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseSettings.Create("postgres", " ", "/"));

        Assert.Contains("ConnectionStrings__Nervewise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_for_logs_leaves_out_the_password()
    {
        var settings = DatabaseSettings.Create("postgres", "Host=db;Username=nw;Password=hunter2;Database=nw", "/");

        Assert.DoesNotContain("hunter2", settings.Describe(), StringComparison.Ordinal);
        Assert.Contains("Host=db", settings.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;PWD=hunter2")]
    [InlineData("Host=db;Psw=hunter2")]
    [InlineData("Host=db;Password='hun;ter2'")]
    public void Every_spelling_of_the_password_is_left_out(string connectionString) =>
        Assert.DoesNotContain("hunter2", DatabaseSettings.Create("postgres", connectionString.Replace("hun;ter2", "hunter2", StringComparison.Ordinal), "/").Describe(), StringComparison.Ordinal);
}
