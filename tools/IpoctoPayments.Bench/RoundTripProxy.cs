using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IpoctoPayments.Bench;

/// <summary>
/// A loopback TCP proxy in front of the database server that counts round trips. Per connection, the server's first
/// bytes after the client has spoken end one turnaround, however many packets either side's message takes: that is
/// what a network hop costs, whereas the statements a batch carries cost it nothing more. Npgsql writes each batch
/// whole and PostgreSQL answers at the batch's Sync, so a turnaround is one round trip of the API's.
/// </summary>
internal sealed class RoundTripProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint server;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentBag<Task> relays = [];
    private readonly Task accepting;
    private long turnarounds;

    private RoundTripProxy(EndPoint server)
    {
        this.server = server;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public long Turnarounds => Interlocked.Read(ref turnarounds);

    /// <summary>A proxy to a PostgreSQL host (or socket directory, as Npgsql names one) and port.</summary>
    public static RoundTripProxy Start(string host, int port) => new(
        host.StartsWith('/') ? new UnixDomainSocketEndPoint(Path.Combine(host, $".s.PGSQL.{port}")) : new DnsEndPoint(host, port));

    public void Reset() => Interlocked.Exchange(ref turnarounds, 0);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(relays);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                relays.Add(RelayAsync(await listener.AcceptSocketAsync(stop.Token)));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var _ = client;
        var tcp = server is not UnixDomainSocketEndPoint;
        using var upstream = tcp ? new Socket(SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var turn = new Turn();
        try
        {
            await upstream.ConnectAsync(server, stop.Token);

            // As Npgsql and PostgreSQL set theirs: a message is sent when written, not held for the last one's acknowledgement.
            client.NoDelay = true;
            if (tcp)
            {
                upstream.NoDelay = true;
            }

            // The client's bytes mark the turn before they are forwarded, so the answer to them cannot arrive unmarked.
            var requests = PumpAsync(client, upstream, () => Volatile.Write(ref turn.ClientSpoke, 1));
            var answers = PumpAsync(upstream, client, () =>
            {
                if (Interlocked.Exchange(ref turn.ClientSpoke, 0) == 1)
                {
                    Interlocked.Increment(ref turnarounds);
                }
            });
            await Task.WhenAny(requests, answers);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            // The server refused the connection, or the bench is stopping; either way the API sees it closed.
        }
    }

    // Copies until either side closes; the relay then closes both.
    private async Task PumpAsync(Socket from, Socket to, Action received)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stop.Token)) > 0)
            {
                received();
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stop.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed or reset by either side.
        }
    }

    private sealed class Turn
    {
        /// <summary>1 once the client has sent bytes the server has not answered yet.</summary>
        public int ClientSpoke;
    }
}
