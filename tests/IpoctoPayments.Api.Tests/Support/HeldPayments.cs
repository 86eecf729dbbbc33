using System.Net;
using System.Text.Json;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>A Stripe top-up the customer has paid, whose <c>checkout.session.completed</c> the test holds and will deliver itself.</summary>
internal sealed record HeldPayment(JsonElement TopUp, string Amount, string Payload);

/// <summary>What the API answered one delivery: the status and, for a 2xx, the outcome it reported.</summary>
internal sealed record DeliveryAnswer(HttpStatusCode Status, string Outcome, string Body);

/// <summary>Paid top-ups whose webhooks the simulator recorded but did not send: the test is the network, and sends them when it likes.</summary>
internal static class HeldPayments
{
    /// <summary>
    /// Opens one Stripe card top-up per amount on the console's account (<paramref name="parallelism"/> at a time) and
    /// pays each on the simulator. From here on the simulator sends no webhook: the caller delivers them.
    /// </summary>
    public static async Task<HeldPayment[]> PayWithWebhooksHeldAsync(this PaymentsSystem system, PaymentsApiClient console, IReadOnlyList<string> amounts, int parallelism = 8)
    {
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var topUps = new JsonElement[amounts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, amounts.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
            topUps[i] = await console.CreateTopUpAsync(TopUpRequest.StripeCard(amounts[i])));

        // The simulator's sessions are paid one after another: its store is the bottleneck only of the simulator.
        foreach (var topUp in topUps)
        {
            await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/complete", new { method = "card", cardNumber = "4242424242424242" });
        }

        var completed = system.SimulatorService<WebhookOutbox>().Deliveries
            .Where(d => d.EventType == "checkout.session.completed" && d.Provider.Equals("stripe", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return [.. topUps.Select((topUp, i) => new HeldPayment(topUp, amounts[i], completed.Single(d => d.TargetKeys.Contains(topUp.SessionId())).Payload))];
    }

    /// <summary>Delivers a Stripe event to one API instance, signed now with the endpoint's secret, as Stripe would.</summary>
    public static async Task<DeliveryAnswer> DeliverAsync(this PaymentsSystem system, PaymentsApiClient instance, string payload)
    {
        using var request = StripeSignature.Webhook(payload, StripeSignature.For(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow()));
        using var response = await instance.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var outcome = response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("outcome").GetString()!
            : TryCode(body);
        return new DeliveryAnswer(response.StatusCode, outcome, body);
    }

    private static string TryCode(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
