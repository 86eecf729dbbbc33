namespace IpoctoPayments.Api.TopUps;

/// <summary>
/// A console origin: scheme, host and port. A return URL is under it when, parsed, it has the same three — compared as
/// parsed values, never as text, so <c>https://console.ipocto.com.evil.example</c> and <c>https://console.ipocto.com@evil.example</c>
/// are not under <c>https://console.ipocto.com</c>.
/// </summary>
internal sealed record ReturnOrigin(string Scheme, string Host, int Port)
{
    /// <summary>The origin as written in messages: <c>https://console.ipocto.com</c>, with the port only when it is not the scheme's own.</summary>
    public string Text { get; private init; } = "";

    /// <summary>The origin an <c>http</c> or <c>https</c> address names, or null when it holds more than an origin (a path, a query, a user).</summary>
    public static ReturnOrigin? Parse(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.IdnHost.Length > 0 && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? new(uri.Scheme, uri.IdnHost, uri.Port) { Text = uri.GetLeftPart(UriPartial.Authority) }
            : null;

    /// <summary>
    /// Whether <paramref name="url"/> is a page under this origin. One naming a user is refused outright: the console's pages
    /// carry none, and <c>https://console.ipocto.com@evil.example</c> reads as the console to the customer.
    /// </summary>
    public bool Holds(Uri url) =>
        url.UserInfo.Length == 0
        && string.Equals(url.Scheme, Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.IdnHost, Host, StringComparison.OrdinalIgnoreCase)
        && url.Port == Port;
}
