using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace IpoctoPayments.Simulator.Tests.Support;

/// <summary>Stands in for the merchant's webhook endpoint: records what arrives and answers as told.</summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();

    /// <summary>The answer for the next requests; by default what both providers take as "received".</summary>
    public Func<ReceivedWebhook, (HttpStatusCode Status, string Body)> Respond { get; set; } =
        _ => (HttpStatusCode.OK, """{"code":"SUCCESS","msg":"Success"}""");

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var webhook = new ReceivedWebhook(request.RequestUri!, headers, body);
        received.Enqueue(webhook);
        var (status, answer) = Respond(webhook);
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}

public sealed record ReceivedWebhook(Uri Url, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
