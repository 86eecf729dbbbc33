using System.Text;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Webhooks;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>Webhooks as a test hands them to the API itself: the simulator's own bodies, signed rightly or wrongly.</summary>
internal static class SignedWebhooks
{
    public static async Task<HttpResponseMessage> PostStripeAsync(this PaymentsSystem system, string payload, string? signature)
    {
        using var request = StripeSignature.Webhook(payload, signature);
        return await system.Anonymous().SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostPayerMaxAsync(this PaymentsSystem system, string payload, string? sign)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payermax") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (sign is not null)
        {
            request.Headers.TryAddWithoutValidation("sign", sign);
        }

        return await system.Anonymous().SendAsync(request);
    }

    /// <summary>The simulator's (held or dropped) delivery of an event type, with the body it would send.</summary>
    public static WebhookDelivery Delivery(this PaymentsSystem system, string provider, string eventType) =>
        system.SimulatorService<WebhookOutbox>().Deliveries.Last(d => d.Provider.Equals(provider, StringComparison.OrdinalIgnoreCase) && d.EventType == eventType);

    /// <summary>The headers the simulator signs a body with, as its sender would.</summary>
    public static string Header(this WebhookDelivery delivery, string payload, string name, DateTimeOffset at) =>
        delivery.Webhook.Sign(payload, at).Single(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public static async Task<T> InDatabaseAsync<T>(this PaymentsSystem system, Func<PaymentsDbContext, Task<T>> query)
    {
        await using var scope = system.ApiServices.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PaymentsDbContext>());
    }

    public static Task<int> InboxCountAsync(this PaymentsSystem system) =>
        system.InDatabaseAsync(db => db.Set<InboxRecord>().CountAsync());

    public static Task<int> PostingCountAsync(this PaymentsSystem system) =>
        system.InDatabaseAsync(db => db.Set<PostingRecord>().CountAsync());
}
