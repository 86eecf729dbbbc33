using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.Ledger.GetBalance;
using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Application.Tests.Fakes;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.CreateTopUp;
using IpoctoPayments.Application.Webhooks;
using IpoctoPayments.Application.Webhooks.ReceiveWebhook;
using IpoctoPayments.Domain.Common;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IpoctoPayments.Application.Tests;

/// <summary>
/// The Application layer as the API composes it (<c>AddApplication</c>), with in-memory ports. Each message is sent in a
/// scope of its own, as each HTTP request is; every test builds its own harness, so tests share nothing.
/// </summary>
public sealed class PaymentsHarness : IAsyncDisposable
{
    public const string Account = "acc-42";
    public const string ReturnUrl = "https://console.ipocto.example/topups/return";

    private readonly ServiceProvider services;
    private int events;

    public PaymentsHarness(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(Database)
            .AddSingleton(Rates)
            .AddSingleton<IExchangeRates>(Rates)
            .AddSingleton<IPaymentGateways>(new FakePaymentGateways(Stripe, PayerMax))
            .AddSingleton<IProviderEventReader>(StripeEvents)
            .AddSingleton<IProviderEventReader>(PayerMaxEvents)
            .AddScoped<FakeSession>()
            .AddScoped<IUnitOfWork, FakeUnitOfWork>()
            .AddScoped<ITopUpOrders, FakeTopUpOrders>()
            .AddSingleton<IDailyTopUpLimit, FakeDailyTopUpLimit>()
            .AddScoped<IIdempotencyKeys, FakeIdempotencyKeys>()
            .AddScoped<IEventInbox, FakeWebhookInbox>()
            .AddScoped<Ledger.ILedger, FakeLedger>()
            .AddScoped<IRefundOutbox, FakeRefundOutbox>()
            .AddScoped<IDisputeActionOutbox, FakeDisputeActionOutbox>()
            .AddApplication(configuration);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public FakeDatabase Database { get; } = new();

    public FakeExchangeRates Rates { get; } = new();

    public FakePaymentGateway Stripe { get; } = new(PaymentProvider.Stripe);

    public FakePaymentGateway PayerMax { get; } = new(PaymentProvider.PayerMax);

    public FakeProviderEventReader StripeEvents { get; } = new(PaymentProvider.Stripe);

    public FakeProviderEventReader PayerMaxEvents { get; } = new(PaymentProvider.PayerMax);

    public static CreateTopUpCommand StripeCard(string amount = "20.00", string? key = null) => TopUp("stripe", "US", "card", amount, key);

    public static CreateTopUpCommand PayerMaxGCash(string amount = "10.00", string? key = null) => TopUp("payermax", "PH", "gcash", amount, key);

    /// <summary>A top-up of <paramref name="amount"/> USD as the API hands it over, parsed.</summary>
    public static CreateTopUpCommand TopUp(string provider, string country, string? method, string amount, string? key = null, string account = Account) => new(
        AccountId.Parse(account).Value, Money.Parse(amount, "USD").Value, ProviderNames.Parse(provider)!.Value, CountryCode.Parse(country).Value, method,
        new Uri(ReturnUrl), key);

    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<TResponse> Ask<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<TopUpView> CreateTopUp(CreateTopUpCommand? command = null) => (await Send(command ?? StripeCard())).TopUp;

    /// <summary>A Stripe card top-up the provider has reported paid: the balance holds its credit.</summary>
    public async Task<TopUpView> PaidTopUp(CreateTopUpCommand? command = null)
    {
        var topUp = await CreateTopUp(command);
        Assert.Equal(EventOutcome.Applied, await Deliver(Event(topUp, ProviderEventKind.Paid)));
        return topUp;
    }

    /// <summary>A provider event about an order, with a fresh event id unless one is given.</summary>
    public ProviderEvent Event(TopUpView topUp, ProviderEventKind kind, string? eventId = null) =>
        new(Provider(topUp), eventId ?? $"evt_{++events}", kind.ToString(), kind, Clock.GetUtcNow()) { OrderId = topUp.Id, PaymentIntentId = "pi_1" };

    /// <summary>Sends the event through its provider's webhook command, as the webhook endpoint does.</summary>
    public Task<EventOutcome> Deliver(ProviderEvent providerEvent)
    {
        ArgumentNullException.ThrowIfNull(providerEvent);
        return providerEvent.Provider == PaymentProvider.Stripe
            ? Send(new ReceiveWebhookCommand(PaymentProvider.Stripe, StripeEvents.Script(providerEvent), "t=1,v1=signed"))
            : Send(new ReceiveWebhookCommand(PaymentProvider.PayerMax, PayerMaxEvents.Script(providerEvent), "signed"));
    }

    /// <summary>One reconciliation pass, as the background job or the admin endpoint runs it.</summary>
    public Task<Reconciliation.ReconciliationReport> Reconcile() => services.GetRequiredService<Reconciliation.ReconciliationRun>().RunAsync(CancellationToken.None);

    /// <summary>One pass of the refund dispatcher, as the background job runs it after a refund is recorded.</summary>
    public Task<int> DispatchRefunds() => services.GetRequiredService<RefundDispatcher>().DispatchDueAsync(CancellationToken.None);

    public async Task<string> Balance(string account = Account) => (await Ask(new GetBalanceQuery(account))).Available.Amount;

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static PaymentProvider Provider(TopUpView topUp) => topUp.Provider == "stripe" ? PaymentProvider.Stripe : PaymentProvider.PayerMax;
}
