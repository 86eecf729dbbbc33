using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Api.Tests;

/// <summary>What an operator finds in the logs: every line of a request under its correlation id, every line about an order under its number.</summary>
public sealed partial class StructuredLogTests
{
    [SkippableFact]
    public async Task A_callers_correlation_id_is_echoed_and_carried_by_every_log_line_of_the_request()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        var logs = Capture(system);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topups") { Content = JsonContent.Create(TopUpRequest.StripeCard()) };
        request.Headers.Add("X-Correlation-Id", "console-7f3a.req:42");

        using var response = await system.Console("acc-logs").SendAsync(request);
        var topUp = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("console-7f3a.req:42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        var created = Assert.Single(logs.Lines, l => l.Message.StartsWith("Top-up created", StringComparison.Ordinal));
        Assert.Equal("console-7f3a.req:42", created.Scope["CorrelationId"]);
        Assert.Equal(topUp.OrderNumber(), created.Scope["OrderNumber"]);
        Assert.Contains(logs.Lines, l => l.Message.StartsWith("CreateTopUpCommand handled", StringComparison.Ordinal) && Equals(l.Scope["CorrelationId"], "console-7f3a.req:42"));
    }

    [SkippableFact]
    public async Task Without_a_usable_correlation_id_the_trace_id_stands_in()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        var logs = Capture(system);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/balance");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "not an id\" injected=true");

        using var response = await system.Console("acc-logs").SendAsync(request);

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches(TraceId(), id);
        Assert.Contains(logs.Lines, l => l.Message.StartsWith("GetBalanceQuery handled", StringComparison.Ordinal) && Equals(l.Scope["CorrelationId"], id));
    }

    [SkippableFact]
    public async Task Webhook_processing_and_reconciliation_log_under_the_order_number()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        var logs = Capture(system);
        var console = system.Console("acc-logs");
        var paid = await console.CreateTopUpAsync(TopUpRequest.StripeCard());
        var missed = await console.CreateTopUpAsync(TopUpRequest.StripeCard("7.00"));
        await system.SetFaultsAsync(new { webhooks = new { drop = true } }, missed.SessionId());

        await system.PayStripeAsync(paid);
        await system.PayStripeAsync(missed);
        system.Clock.Advance(TimeSpan.FromMinutes(61));
        using var run = await system.Admin().PostReconciliationRunAsync();

        var applied = logs.Lines.Where(l => l.Category.EndsWith("ProviderEventProcessor", StringComparison.Ordinal) && l.Message.Contains("applied", StringComparison.Ordinal)).ToList();
        Assert.Contains(applied, l => Equals(l.Scope["OrderNumber"], paid.OrderNumber()) && l.Scope.ContainsKey("CorrelationId"));
        var reconciled = Assert.Single(logs.Lines, l => l.Message.StartsWith("Reconciliation:", StringComparison.Ordinal));
        Assert.Equal(missed.OrderNumber(), reconciled.Scope["OrderNumber"]);
        Assert.Contains("applied", reconciled.Message, StringComparison.Ordinal);
    }

    private static CapturedLogs Capture(PaymentsSystem system)
    {
        var logs = new CapturedLogs();
        system.ApiServices.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        return logs;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex TraceId();
}
