namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// The simulator's way to the API: webhooks addressed to a fixed name go to whichever API process runs now, over real
/// loopback sockets. Counts what is on the wire so a test can act while many deliveries are in flight.
/// </summary>
internal sealed class WebhookRoute() : DelegatingHandler(new SocketsHttpHandler())
{
    public const string ApiName = "payments-api.crash.test";

    private readonly Lock gate = new();
    private (int Count, int OthersInFlight, Action Action, TaskCompletionSource<Tripped> Done)? trip;
    private volatile Uri? target;
    private int inFlight;
    private int acknowledged;

    /// <summary>The running API process; a killed one's address refuses connections, as a crashed host does.</summary>
    public Uri Target { set => target = value; }

    public int InFlight => Volatile.Read(ref inFlight);

    public int Acknowledged => Volatile.Read(ref acknowledged);

    /// <summary>
    /// Runs <paramref name="action"/> once, on the delivery's own thread, as soon as an acknowledgement brings the count
    /// to at least <paramref name="count"/> while at least <paramref name="othersInFlight"/> other deliveries are still on
    /// the wire; completes with both counts at that moment. Acting there rather than in the test's continuation keeps a busy machine
    /// from letting every delivery finish first.
    /// </summary>
    public Task<Tripped> WhenAcknowledged(int count, int othersInFlight, Action action)
    {
        var done = new TaskCompletionSource<Tripped>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            trip = (count, othersInFlight, action, done);
        }

        return done.Task;
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
        (int Count, int OthersInFlight, Action Action, TaskCompletionSource<Tripped> Done) tripped;
        Tripped counts;
        lock (gate)
        {
            acknowledged++;
            // This delivery still counts itself in flight until its response is returned.
            counts = new Tripped(acknowledged, InFlight - 1);
            if (trip is not { } due || counts.Acknowledged < due.Count || counts.OthersInFlight < due.OthersInFlight)
            {
                return;
            }

            tripped = due;
            trip = null;
        }

        tripped.Action();
        tripped.Done.TrySetResult(counts);
    }

    /// <summary>The deliveries acknowledged, and the others still on the wire, when a trip point was reached.</summary>
    public readonly record struct Tripped(int Acknowledged, int OthersInFlight);
}
