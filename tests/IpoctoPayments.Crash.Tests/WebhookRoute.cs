namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// The simulator's way to the API: webhooks addressed to a fixed name go to whichever API process runs now, over real
/// loopback sockets. Counts what is on the wire so a test can act while many deliveries are in flight.
/// </summary>
internal sealed class WebhookRoute() : DelegatingHandler(new SocketsHttpHandler())
{
    public const string ApiName = "payments-api.crash.test";

    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiting = [];
    private volatile Uri? target;
    private int inFlight;
    private int acknowledged;

    /// <summary>The running API process; a killed one's address refuses connections, as a crashed host does.</summary>
    public Uri Target { set => target = value; }

    public int InFlight => Volatile.Read(ref inFlight);

    public int Acknowledged => Volatile.Read(ref acknowledged);

    /// <summary>Completes once the API has acknowledged this many deliveries.</summary>
    public Task WhenAcknowledged(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (acknowledged >= count)
            {
                return Task.CompletedTask;
            }

            waiting.Add((count, reached));
        }

        return reached.Task;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var api = target ?? throw new InvalidOperationException("No API process to deliver to.");
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = api.Scheme, Host = api.Host, Port = api.Port }.Uri;
        Interlocked.Increment(ref inFlight);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Acknowledge();
            }

            return response;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private void Acknowledge()
    {
        List<TaskCompletionSource> reached;
        lock (gate)
        {
            acknowledged++;
            reached = [.. waiting.Where(w => w.Count <= acknowledged).Select(w => w.Reached)];
            waiting.RemoveAll(w => w.Count <= acknowledged);
        }

        foreach (var signal in reached)
        {
            signal.TrySetResult();
        }
    }
}
