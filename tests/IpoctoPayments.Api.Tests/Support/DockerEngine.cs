using System.Net.Sockets;
using System.Text;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>Whether a Docker engine answers here (DOCKER_HOST, else the default socket), and if not, why.</summary>
internal static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    public static string? WhyNotAvailable()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        try
        {
            if (host is not null && host.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
            {
                var uri = new Uri(host);
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                return Ping(tcp, new System.Net.DnsEndPoint(uri.Host, uri.Port), host);
            }

            var path = host is not null && host.StartsWith("unix://", StringComparison.OrdinalIgnoreCase) ? host["unix://".Length..] : DefaultSocket;
            if (!File.Exists(path))
            {
                return $"no Docker engine: {path} does not exist{(host is null ? " and DOCKER_HOST is not set" : "")}.";
            }

            using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            return Ping(unix, new UnixDomainSocketEndPoint(path), path);
        }
        catch (Exception exception) when (exception is SocketException or IOException or UriFormatException or TimeoutException)
        {
            return $"no Docker engine answers at {host ?? DefaultSocket}: {exception.Message}";
        }
    }

    private static string? Ping(Socket socket, System.Net.EndPoint endpoint, string where)
    {
        socket.ReceiveTimeout = 2000;
        socket.SendTimeout = 2000;
        if (!socket.ConnectAsync(endpoint).Wait(TimeSpan.FromSeconds(2)))
        {
            throw new TimeoutException($"no answer from {where} within 2 s");
        }

        socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
        var buffer = new byte[512];
        var read = socket.Receive(buffer);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        return answer.StartsWith("HTTP/1.", StringComparison.Ordinal) && answer.Contains(" 200 ", StringComparison.Ordinal)
            ? null
            : $"the Docker engine at {where} did not answer its ping: {answer.Split('\n')[0].Trim()}";
    }
}
