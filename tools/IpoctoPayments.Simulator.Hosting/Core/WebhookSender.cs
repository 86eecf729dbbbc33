using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>
/// Makes the attempts of a delivery on the simulator's clock: signs each one as it is sent, records the receiver's
/// answer, and retries on the provider's schedule until acknowledged or out of retries.
/// </summary>
internal sealed class WebhookSender(SimulatorScheduler scheduler, IHttpClientFactory httpClients, IOptions<SimulatorOptions> options, ILogger logger)
{
    /// <summary>How much of the receiver's answer an attempt keeps.</summary>
    private const int BodyExcerpt = 2000;

    public void Schedule(WebhookDelivery delivery, DateTimeOffset at)
    {
        delivery.NextAttemptAt = at;
        if (delivery.Status is not DeliveryStatus.Retrying)
        {
            delivery.Status = DeliveryStatus.Scheduled;
        }

        scheduler.Schedule(at, $"deliver {delivery.Id}", ct => AttemptAsync(delivery, ct));
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var webhook = delivery.Webhook;
        var number = delivery.AttemptCount + 1;
        var at = scheduler.Now;
        var watch = Stopwatch.StartNew();
        var (status, body, error) = await PostAsync(webhook, at, cancellationToken);
        delivery.Record(new WebhookAttempt(number, at, status, body, error, watch.Elapsed.TotalMilliseconds));
        if (status is { } code && webhook.IsAcknowledged(code, body ?? ""))
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.NextAttemptAt = null;
            logger.LogInformation("Delivered {Provider} {EventType} {EventId} to {Url} (attempt {Attempt})", webhook.Provider, webhook.EventType, webhook.EventId, webhook.Url, number);
            return;
        }

        if (number > webhook.RetrySchedule.Count)
        {
            delivery.Status = DeliveryStatus.GaveUp;
            delivery.NextAttemptAt = null;
            logger.LogWarning("Gave up on {Provider} {EventType} {EventId} after {Attempts} attempts", webhook.Provider, webhook.EventType, webhook.EventId, number);
            return;
        }

        delivery.Status = DeliveryStatus.Retrying;
        logger.LogInformation("{Provider} {EventType} {EventId} not acknowledged ({Status}{Error}); retrying", webhook.Provider, webhook.EventType, webhook.EventId, status, error);
        Schedule(delivery, scheduler.Now + webhook.RetrySchedule[number - 1]);
    }

    private async Task<(int? Status, string? Body, string? Error)> PostAsync(OutgoingWebhook webhook, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
            {
                Content = new StringContent(webhook.Payload, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in webhook.Sign(webhook.Payload, at))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.WebhookTimeout);
            using var response = await httpClients.CreateClient(WebhookOutbox.HttpClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return ((int)response.StatusCode, body.Length > BodyExcerpt ? body[..BodyExcerpt] : body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, "timeout");
        }
        catch (HttpRequestException exception)
        {
            return (null, null, exception.Message);
        }
    }
}
