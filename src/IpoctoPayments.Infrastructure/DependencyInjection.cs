using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Common.RateLimiting;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.Webhooks;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Infrastructure.Common;
using IpoctoPayments.Infrastructure.Common.Idempotency;
using IpoctoPayments.Infrastructure.Common.Jobs;
using IpoctoPayments.Infrastructure.Common.Outbox;
using IpoctoPayments.Infrastructure.Common.RateLimiting;
using IpoctoPayments.Infrastructure.Disputes;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Persistence.PostgreSql;
using IpoctoPayments.Infrastructure.Persistence.SqlServer;
using IpoctoPayments.Infrastructure.Persistence.Sqlite;
using IpoctoPayments.Infrastructure.Providers;
using IpoctoPayments.Infrastructure.Providers.PayerMax;
using IpoctoPayments.Infrastructure.Providers.Stripe;
using IpoctoPayments.Infrastructure.Reconciliation;
using IpoctoPayments.Infrastructure.Refunds;
using IpoctoPayments.Infrastructure.TopUps;
using IpoctoPayments.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Stripe;

namespace IpoctoPayments.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The HttpClient names; tests route them to in-memory servers.</summary>
    public const string StripeHttpClient = "Stripe";
    public const string PayerMaxHttpClient = "PayerMax";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPersistence(configuration);
        services.AddProviders(configuration);
        services.AddOptions<ExchangeRateOptions>().Bind(configuration.GetSection(ExchangeRateOptions.Section));
        services.AddSingleton<IExchangeRates, ConfiguredExchangeRates>();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section))
            .Validate(o => o.Lease >= TimeSpan.FromSeconds(1), "Jobs:Lease must be at least one second.").ValidateOnStart();
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobLeases>();
        services.AddHostedService<ReconciliationJob>();
        services.AddHostedService<OutboxDispatchJob<RefundDispatcher>>();
        services.AddHostedService<OutboxDispatchJob<DisputeActionDispatcher>>();
        services.AddCleanupJob<IdempotencyKeys>("idempotency-cleanup", "Idempotency key cleanup", sp => sp.GetRequiredService<IOptions<IdempotencyOptions>>().Value.CleanupInterval);
        services.AddCleanupJob<DailyTopUpLimit>("topup-reservation-cleanup", "Top-up reservation cleanup", sp => sp.GetRequiredService<IOptions<TopUpLimitOptions>>().Value.CleanupInterval);
        return services;
    }

    private static void AddCleanupJob<TRows>(this IServiceCollection services, string key, string name, Func<IServiceProvider, TimeSpan> interval)
        where TRows : IExpiringRows
    {
        services.AddSingleton(sp => new CleanupSchedule<TRows>(key, name, interval(sp)));
        services.AddHostedService<CleanupJob<TRows>>();
    }

    /// <summary>The <c>Database</c> section and the context on it, and nothing else: what the <c>migrate</c> command needs.</summary>
    public static IServiceCollection AddPaymentsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(Options.Create(database));
        // Pooled: every request takes a context; reusing them spares building one (and its services) per request.
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<PaymentsDbContext, PostgreSqlPaymentsDbContext>(o => o.UseNpgsql(PostgreSqlConnectionString.WithDefaults(database.ConnectionString)));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<PaymentsDbContext, SqlServerPaymentsDbContext>(o => o.UseSqlServer(database.ConnectionString));
                break;
            default:
                services.AddDbContextPool<PaymentsDbContext, SqlitePaymentsDbContext>(o => o.UseSqlite(database.ConnectionString));
                break;
        }

        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPaymentsDatabase(configuration);
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<ITopUpOrders, TopUpOrderRepository>();
        services.AddScoped<DailyTopUpLimit>();
        services.AddScoped<IDailyTopUpLimit>(sp => sp.GetRequiredService<DailyTopUpLimit>());
        services.AddScoped<IEventInbox, WebhookInbox>();
        services.AddScoped<IdempotencyKeys>();
        services.AddScoped<IIdempotencyKeys>(sp => sp.GetRequiredService<IdempotencyKeys>());
        services.AddScoped<IRateLimitCounters, RateLimitCounters>();
        services.AddScoped<BalanceStatements>();
        services.AddScoped<ILedger, EfLedger>();
        services.AddScoped<IRefundOutbox, RefundOutbox>();
        services.AddScoped<IDisputeActionOutbox, DisputeActionOutbox>();
        services.AddHealthChecks().AddDbContextCheck<PaymentsDbContext>("database", tags: [HealthTags.Database]);
    }

    private static void AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.AddOptions<PayerMaxOptions>().Bind(configuration.GetSection(PayerMaxOptions.Section));

        services.AddOptions<ProviderResilienceOptions>().Bind(configuration.GetSection(ProviderResilienceOptions.Section));
        services.AddSingleton<ProviderCallLogger>();

        // The pipeline retries (Stripe.net does not: its backoff would sleep on the wall clock, out of the breaker's sight).
        // A Stripe attempt whose answer was lost is safe to repeat: every POST carries our own Idempotency-Key.
        // One client for the process: building a StripeClient per request cost every top-up Stripe.net's reflection over its
        // runtime (user agent). Its connections are recycled every few minutes instead, so DNS changes are still followed.
        services.AddHttpClient(StripeHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .RemoveAllLoggers()
            .AddLogger<ProviderCallLogger>()
            .AddResilienceHandler("stripe", (pipeline, context) => ProviderPipeline(pipeline, context, retryLostAnswers: true));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(StripeHttpClient);
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = o.SecretKey,
                ApiBase = string.IsNullOrWhiteSpace(o.ApiBase) ? null : o.ApiBase,
                HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 0),
            });
        });

        // PayerMax refuses an outTradeNo it already has, so an attempt that timed out (and may have opened the order) is not repeated.
        services.AddHttpClient<PayerMaxClient>(PayerMaxHttpClient).RemoveAllLoggers().AddLogger<ProviderCallLogger>().AddResilienceHandler("payermax", (pipeline, context) => ProviderPipeline(pipeline, context, retryLostAnswers: false));
        services.AddSingleton<PayerMaxSignature>();

        services.AddScoped<IPaymentGateway, StripeGateway>();
        services.AddScoped<IPaymentGateway, PayerMaxGateway>();
        services.AddScoped<IPaymentGateways, PaymentGateways>();
        services.AddSingleton<IProviderEventReader, StripeEventReader>();
        services.AddSingleton<IProviderEventReader, PayerMaxNotificationReader>();
        services.AddHealthChecks().AddProviderChecks();
    }

    private static void ProviderPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context, bool retryLostAnswers)
    {
        var o = context.ServiceProvider.GetRequiredService<IOptions<ProviderResilienceOptions>>().Value;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = o.MaxRetries,
            Delay = o.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(ProviderRetries.ShouldRetry(args.Outcome, retryLostAnswers)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = o.SamplingDuration,
            BreakDuration = o.BreakDuration,
        });
        pipeline.AddTimeout(o.AttemptTimeout);
    }
}

internal sealed class PaymentGateways(IEnumerable<IPaymentGateway> gateways) : IPaymentGateways
{
    public IPaymentGateway For(PaymentProvider provider) => gateways.Single(g => g.Provider == provider);
}
