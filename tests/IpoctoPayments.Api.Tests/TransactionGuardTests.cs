using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// Every <see cref="PaymentsSystem"/> guards the API's gateways: a provider called while the calling scope's database
/// context has a transaction open is refused. This shows the guard is in place and fires, so that every other integration
/// test passing says no provider call happened inside a transaction.
/// </summary>
public sealed class TransactionGuardTests
{
    private const string Refusal = "provider called inside a database transaction";

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_provider_call_with_the_scopes_transaction_open_is_refused_and_the_same_call_without_one_goes_through(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-guard");
        var paid = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));
        var sessionId = paid.SessionId();
        await system.PayStripeAsync(paid);
        var orderId = Guid.Parse(paid.Id());
        var lookup = new PaymentLookup(orderId, sessionId, null);

        await using var scope = system.ApiServices.CreateAsyncScope();
        var gateways = scope.ServiceProvider.GetRequiredService<IPaymentGateways>();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        Assert.Equal(ProviderPaymentStatus.Paid, (await gateways.For(PaymentProvider.Stripe).LookUpPaymentAsync(lookup, CancellationToken.None)).Status);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // The scope's context is the one the use cases write through; any open transaction of it counts.
            Assert.NotNull(db.Database.CurrentTransaction);
            foreach (var gateway in new[] { PaymentProvider.Stripe, PaymentProvider.PayerMax }.Select(gateways.For))
            {
                var refund = new RefundSubmission(orderId, Guid.NewGuid(), paid.OrderNumber(), sessionId, null, Money.Parse("5.00", gateway.Provider == PaymentProvider.Stripe ? "USD" : "PHP").Value, $"refund-{Guid.NewGuid():N}");
                Func<Task>[] calls =
                [
                    () => gateway.LookUpPaymentAsync(lookup, CancellationToken.None),
                    () => gateway.LookUpRefundAsync(new RefundLookup(orderId, refund.RefundId, sessionId, null), CancellationToken.None),
                    () => gateway.RefundAsync(refund, CancellationToken.None),
                    () => gateway.OpenSessionAsync(new OpenSessionRequest(Guid.NewGuid(), "TU-GUARD-00001", "acc-guard", refund.Amount, "US", "card",
                        new Uri(TopUpRequest.ReturnUrl), system.Clock.GetUtcNow().AddHours(1), $"topup-{Guid.NewGuid():N}"), CancellationToken.None),
                ];
                foreach (var call in calls)
                {
                    var refused = await Assert.ThrowsAsync<InvalidOperationException>(call);
                    Assert.StartsWith(Refusal, refused.Message, StringComparison.Ordinal);
                }
            }

            await transaction.RollbackAsync();
        }

        // Refused before anything was sent: the simulator saw no refund and no new session.
        Assert.Equal(0, (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/refunds")).GetArrayLength());
        Assert.Equal(1, (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/sessions")).GetArrayLength());
        var recorded = system.TakeProviderCallsInTransaction();
        Assert.Equal(8, recorded.Count);
        Assert.All(recorded, r => Assert.StartsWith(Refusal, r, StringComparison.Ordinal));

        // The transaction over, the same scope calls the provider again.
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(ProviderPaymentStatus.Paid, (await gateways.For(PaymentProvider.Stripe).LookUpPaymentAsync(lookup, CancellationToken.None)).Status);
        Assert.Empty(system.TakeProviderCallsInTransaction());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_refusal_the_code_under_test_swallowed_fails_the_test_when_the_system_is_disposed(DatabaseProvider provider)
    {
        var system = await PaymentsSystem.StartAsync(provider);
        await using (var scope = system.ApiServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            try
            {
                // As the refund dispatcher or a reconciliation run would: caught, logged, and carried on.
                await scope.ServiceProvider.GetRequiredService<IPaymentGateways>().For(PaymentProvider.PayerMax)
                    .LookUpPaymentAsync(new PaymentLookup(Guid.NewGuid(), null, null), CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
            }
        }

        var disposed = await Assert.ThrowsAsync<InvalidOperationException>(() => system.DisposeAsync().AsTask());
        Assert.Contains("1 provider call(s) were made inside a database transaction", disposed.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(A_refusal_the_code_under_test_swallowed_fails_the_test_when_the_system_is_disposed), disposed.Message, StringComparison.Ordinal);
    }
}
