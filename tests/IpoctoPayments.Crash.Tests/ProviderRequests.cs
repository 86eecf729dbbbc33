namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// What the simulator was asked, as it arrives on its socket: how many requests of each method and path came in, how many
/// are still being answered, and a wait for the n-th. So a test can act while a call is at the provider, before its answer.
/// </summary>
internal sealed class ProviderRequests
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> inFlight = new(StringComparer.Ordinal);
    private readonly List<(string Call, int Count, TaskCompletionSource Reached)> waiting = [];

    public int Received(string method, string path)
    {
        lock (gate)
        {
            return received.GetValueOrDefault(Call(method, path));
        }
    }

    /// <summary>Requests that came in and have not been answered (nor abandoned) yet.</summary>
    public int InFlight(string method, string path)
    {
        lock (gate)
        {
            return inFlight.GetValueOrDefault(Call(method, path));
        }
    }

    /// <summary>Requests of the method to any path under the prefix (every session's own address, say), as they came in.</summary>
    public int ReceivedUnder(string method, string pathPrefix) => Sum(received, method, pathPrefix);

    public int InFlightUnder(string method, string pathPrefix) => Sum(inFlight, method, pathPrefix);

    /// <summary>Completes once <paramref name="count"/> such requests have come in, counting from the simulator's start.</summary>
    public Task WhenReceived(string method, string path, int count = 1)
    {
        var call = Call(method, path);
        lock (gate)
        {
            if (received.GetValueOrDefault(call) >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((call, count, reached));
            return reached.Task;
        }
    }

    /// <summary>Counts a request in; disposing the result counts it out, however it ended.</summary>
    public IDisposable Arrived(string method, string path)
    {
        var call = Call(method, path);
        List<TaskCompletionSource> reached;
        lock (gate)
        {
            var count = received[call] = received.GetValueOrDefault(call) + 1;
            inFlight[call] = inFlight.GetValueOrDefault(call) + 1;
            reached = [.. waiting.Where(w => w.Call == call && w.Count <= count).Select(w => w.Reached)];
            waiting.RemoveAll(w => w.Call == call && w.Count <= count);
        }

        foreach (var signal in reached)
        {
            signal.TrySetResult();
        }

        return new Departure(this, call);
    }

    private static string Call(string method, string path) => $"{method.ToUpperInvariant()} {path}";

    private int Sum(Dictionary<string, int> counts, string method, string pathPrefix)
    {
        var prefix = Call(method, pathPrefix);
        lock (gate)
        {
            return counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);
        }
    }

    private sealed class Departure(ProviderRequests requests, string call) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                lock (requests.gate)
                {
                    requests.inFlight[call]--;
                }
            }
        }
    }
}
