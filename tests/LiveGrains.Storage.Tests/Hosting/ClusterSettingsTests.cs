using LiveGrains.Storage.Hosting;
using Npgsql;

namespace LiveGrains.Storage.Tests.Hosting;

public sealed class ClusterSettingsTests
{
    private const string Connection = "Host=127.0.0.1;Port=5432;Username=livegrains;Database=livegrains";

    [Fact]
    public void Each_pool_is_capped_at_the_configured_size_when_the_connection_string_sets_none()
    {
        var capped = new NpgsqlConnectionStringBuilder(new ClusterSettings { Postgres = Connection }.RequirePostgres());
        capped.MaxPoolSize.ShouldBe(16);
        (capped.Host, capped.Port, capped.Username, capped.Database).ShouldBe(("127.0.0.1", 5432, "livegrains", "livegrains"));

        new NpgsqlConnectionStringBuilder(new ClusterSettings { Postgres = Connection, PostgresPoolSize = 4 }.RequirePostgres()).MaxPoolSize.ShouldBe(4);
    }

    [Theory]
    [InlineData("Maximum Pool Size=50")]
    [InlineData("max pool size=50")]
    [InlineData("MaxPoolSize=50")]
    public void A_pool_size_the_connection_string_sets_itself_is_kept(string poolSize)
    {
        var own = $"{Connection};{poolSize}";
        new ClusterSettings { Postgres = own }.RequirePostgres().ShouldBe(own);
    }

    [Fact]
    public void A_pool_size_below_one_is_refused_naming_the_setting() =>
        Should.Throw<InvalidOperationException>(() => new ClusterSettings { Postgres = Connection, PostgresPoolSize = 0 }.RequirePostgres())
            .Message.ShouldBe("LiveGrains:Cluster:PostgresPoolSize must be at least 1 (got 0).");
}
