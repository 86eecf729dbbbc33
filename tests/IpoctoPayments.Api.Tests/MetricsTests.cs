using System.Diagnostics.Metrics;
using System.Net;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>What a dashboard of the <c>IpoctoPayments</c> meter shows after real top-ups, read from the API host's own meters.</summary>
public sealed class MetricsTests
{
    [SkippableFact]
    public async Task A_paid_stripe_top_up_counts_as_created_and_succeeded_under_its_provider_and_method()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        using var created = Collect<long>(system, "ipocto.topups.created");
        using var succeeded = Collect<long>(system, "ipocto.topups.succeeded");
        using var failed = Collect<long>(system, "ipocto.topups.failed");
        using var webhooks = Collect<double>(system, "ipocto.webhooks.duration");

        await system.PaidStripeTopUpAsync(system.Console("acc-metrics"));

        AssertOne(created, ("provider", "stripe"), ("method", "card"));
        AssertOne(succeeded, ("provider", "stripe"), ("method", "card"));
        Assert.Empty(failed.GetMeasurementSnapshot());
        var applied = Assert.Single(webhooks.GetMeasurementSnapshot(), m => Equals(m.Tags["outcome"], "applied"));
        Assert.Equal("stripe", applied.Tags["provider"]);
        Assert.True(applied.Value > 0, "webhook latency is measured in seconds, above zero");
    }

    [SkippableFact]
    public async Task A_failed_payermax_top_up_counts_as_failed_with_its_error_code()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        using var failed = Collect<long>(system, "ipocto.topups.failed");
        using var succeeded = Collect<long>(system, "ipocto.topups.succeeded");
        var topUp = await system.Console("acc-metrics").CreateTopUpAsync(TopUpRequest.PayerMaxGcash());

        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/fail", new { code = "BALANCE_INSUFFICIENT" });
        await system.DeliverWebhooksAsync();

        AssertOne(failed, ("provider", "payermax"), ("method", "gcash"), ("error_code", "insufficient_funds"));
        Assert.Empty(succeeded.GetMeasurementSnapshot());
    }

    [SkippableFact]
    public async Task A_top_up_refused_by_a_provider_outage_counts_nothing()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        using var created = Collect<long>(system, "ipocto.topups.created");
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 5 } });

        using var response = await system.Console("acc-metrics").PostTopUpAsync(TopUpRequest.StripeCard());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(created.GetMeasurementSnapshot());
    }

    [SkippableFact]
    public async Task What_reconciliation_applies_is_counted_once()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        using var actions = Collect<long>(system, "ipocto.reconciliation.actions");
        using var succeeded = Collect<long>(system, "ipocto.topups.succeeded");
        var topUp = await system.Console("acc-metrics").CreateTopUpAsync(TopUpRequest.StripeCard());
        await system.SetFaultsAsync(new { webhooks = new { drop = true } }, topUp.SessionId());
        await system.PayStripeAsync(topUp);

        system.Clock.Advance(TimeSpan.FromMinutes(61));
        (await system.Admin().PostReconciliationRunAsync()).Dispose();
        (await system.Admin().PostReconciliationRunAsync()).Dispose();

        AssertOne(actions, ("provider", "stripe"), ("subject", "payment"), ("outcome", "applied"));
        AssertOne(succeeded, ("provider", "stripe"), ("method", "card"));
    }

    private static MetricCollector<T> Collect<T>(PaymentsSystem system, string instrument)
        where T : struct =>
        new(system.ApiServices.GetRequiredService<IMeterFactory>(), PaymentsMeter.Name, instrument);

    private static void AssertOne(MetricCollector<long> collector, params (string Key, string Value)[] tags)
    {
        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal(tags.ToDictionary(t => t.Key, t => (object?)t.Value), measurement.Tags);
    }
}
