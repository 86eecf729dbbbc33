namespace IpoctoPayments.Sandbox.Tests;

public sealed class SandboxUrlsTests
{
    [Fact]
    public void Without_urls_the_sandbox_listens_on_the_documented_address() =>
        Assert.Equal(["http://127.0.0.1:5080"], SandboxUrls.Resolve(null));

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://127.0.0.1")]
    [InlineData("http://localhost:0/")]
    public void A_port_that_is_zero_or_absent_becomes_a_free_one_before_the_host_is_built(string configured)
    {
        var resolved = Assert.Single(SandboxUrls.Resolve(configured));

        // An ephemeral port, written out: the address goes into the configuration as it is.
        Assert.InRange(new Uri(resolved).Port, 1024, 65535);
        Assert.Contains($":{new Uri(resolved).Port}", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_ports_are_kept_and_every_address_is_listened_on() =>
        Assert.Equal(["http://127.0.0.1:6001", "http://localhost:6002"], SandboxUrls.Resolve("http://127.0.0.1:6001; http://localhost:6002"));

    [Theory]
    [InlineData("http://*:6001", "http://127.0.0.1:6001/")]
    [InlineData("http://0.0.0.0:6001", "http://127.0.0.1:6001/")]
    [InlineData("http://localhost:6001", "http://localhost:6001/")]
    public void Links_to_a_wildcard_address_go_to_this_machine(string listen, string expected) =>
        Assert.Equal(new Uri(expected), SandboxUrls.Public(listen));
}
