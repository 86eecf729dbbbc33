namespace IpoctoPayments.Bench;

/// <summary>
/// The load balancer in front of the API instances: each request goes to the next instance in turn, through a client of
/// that instance's own (its own connection pool). Requests are addressed to the first instance and re-addressed here.
/// </summary>
internal sealed class RoundRobinHandler(IReadOnlyList<Uri> instances, int connectionsPerInstance) : HttpMessageHandler
{
    private readonly HttpMessageInvoker[] clients = [.. instances.Select(_ => new HttpMessageInvoker(
        new SocketsHttpHandler { MaxConnectionsPerServer = connectionsPerInstance, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }))];

    private long turn = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var instance = (int)((ulong)Interlocked.Increment(ref turn) % (ulong)instances.Count);
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = instances[instance].Host, Port = instances[instance].Port }.Uri;
        return clients[instance].SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
