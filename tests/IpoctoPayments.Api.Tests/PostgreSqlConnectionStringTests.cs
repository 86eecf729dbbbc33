using IpoctoPayments.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace IpoctoPayments.Api.Tests;

public sealed class PostgreSqlConnectionStringTests
{
    [Fact]
    public void A_connection_string_silent_on_preparation_gets_statements_prepared_on_the_server()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString.WithDefaults("Host=db;Database=payments;Username=app"));

        Assert.Equal(32, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("db", result.Host);
        Assert.Equal("payments", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    public void An_operators_own_setting_is_kept_even_when_it_turns_preparation_off(string connectionString, int expected)
    {
        var result = PostgreSqlConnectionString.WithDefaults(connectionString);

        Assert.Equal(connectionString, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }
}
