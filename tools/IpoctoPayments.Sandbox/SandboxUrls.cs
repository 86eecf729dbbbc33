using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace IpoctoPayments.Sandbox;

/// <summary>
/// The addresses to listen on. A port that is 0 or absent is replaced by a free one before the host is built, because the
/// sandbox's own address goes into its configuration (Stripe's API base, PayerMax's gateway, the webhook endpoints).
/// </summary>
internal static partial class SandboxUrls
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>The addresses to listen on, each with a concrete port.</summary>
    public static IReadOnlyList<string> Resolve(string? configured) =>
        [.. (string.IsNullOrWhiteSpace(configured) ? Default : configured)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(WithPort)];

    /// <summary>How the sandbox reaches itself and how links to it are written: a wildcard host is this machine's loopback.</summary>
    public static Uri Public(string listenUrl)
    {
        var match = UrlPattern().Match(listenUrl);
        var host = match.Groups["host"].Value is "*" or "+" or "0.0.0.0" or "[::]" ? "127.0.0.1" : match.Groups["host"].Value;
        return new Uri($"{match.Groups["scheme"].Value}://{host}{match.Groups["port"].Value}");
    }

    private static string WithPort(string url)
    {
        var match = UrlPattern().Match(url);
        if (!match.Success)
        {
            throw new InvalidOperationException($"'{url}' is not an address the sandbox can listen on; use e.g. {Default}.");
        }

        if (match.Groups["port"].Value is { Length: > 0 } port && port != ":0")
        {
            return url;
        }

        var free = FreePort(match.Groups["host"].Value);
        return $"{match.Groups["scheme"].Value}://{match.Groups["host"].Value}:{free.ToString(CultureInfo.InvariantCulture)}{url[match.Length..]}";
    }

    private static int FreePort(string host)
    {
        var address = IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Loopback;
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^/:]+)(?<port>:\d+)?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
