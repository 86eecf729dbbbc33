using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.Common;

/// <summary>The <c>Shutdown</c> section: how long a stopping instance waits for the requests it is serving.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long a stopping instance lets requests in flight finish (a webhook being applied, a provider call) before it
    /// stops anyway; keep it below the orchestrator's grace period (Kubernetes: 30 s).
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>
/// Stopping without dropping work. When the host is told to stop (SIGTERM), the instance first drains: the ready probe
/// turns 503 so the load balancer stops sending, a new request is answered 503 <c>shutting_down</c> (providers
/// redeliver, the console retries, both reach another instance), and the requests already running finish — up to
/// <see cref="ShutdownOptions.DrainTimeout"/>. Only then do the web server and the background jobs stop.
/// </summary>
internal static class Draining
{
    public static void AddPaymentsDraining(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
        if (options.DrainTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Shutdown:DrainTimeout must not be negative.");
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton<RequestDrain>();
        builder.Services.AddHostedService<DrainOnStop>();
        builder.Services.AddHealthChecks().AddCheck<DrainingCheck>("draining");
        // The drain, then the background jobs ending their passes and giving up their leases.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.DrainTimeout + TimeSpan.FromSeconds(10));
    }

    /// <summary>Counts every request; once draining, refuses new ones other than the health probes.</summary>
    public static void UseDraining(this WebApplication app)
    {
        var drain = app.Services.GetRequiredService<RequestDrain>();
        app.Use(async (context, next) =>
        {
            drain.Enter();
            try
            {
                if (drain.IsDraining && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                {
                    await RefuseAsync(context);
                    return;
                }

                await next(context);
            }
            finally
            {
                drain.Leave();
            }
        });
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        context.Response.Headers.Connection = "close";
        var problem = ApiExceptionHandler.Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ShuttingDown.Code,
            "This instance is shutting down; nothing was carried out. Send the request again.");
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

/// <summary>The requests in flight, and whether the instance is draining.</summary>
internal sealed class RequestDrain
{
    private readonly TaskCompletionSource idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int inFlight;
    private int draining;

    public bool IsDraining => Volatile.Read(ref draining) == 1;

    public int InFlight => Volatile.Read(ref inFlight);

    // A request counts itself before it looks at the flag, and the drain raises the flag before it looks at the count
    // (both full fences), so no request slips in unseen between the two.
    public void Enter() => Interlocked.Increment(ref inFlight);

    public void Leave()
    {
        if (Interlocked.Decrement(ref inFlight) == 0 && IsDraining)
        {
            idle.TrySetResult();
        }
    }

    /// <summary>Starts draining; the task ends when no request is in flight.</summary>
    public Task BeginAsync()
    {
        Interlocked.Exchange(ref draining, 1);
        if (InFlight == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task;
    }
}

/// <summary>Drains before anything else stops: lifecycle services' <c>StoppingAsync</c> runs before the web server's stop.</summary>
internal sealed class DrainOnStop(RequestDrain drain, IOptions<ShutdownOptions> options, ILogger<DrainOnStop> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var idle = drain.BeginAsync();
        logger.LogInformation("Draining: {InFlight} requests in flight, new requests refused, ready probe unhealthy", drain.InFlight);
        try
        {
            // The wall clock: this is about real requests of a real process, not the service's notion of time.
            await idle.WaitAsync(options.Value.DrainTimeout, TimeProvider.System, cancellationToken);
            logger.LogInformation("Drained: no request in flight");
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{InFlight} requests still running after the drain time ({DrainTimeout}); stopping anyway", drain.InFlight, options.Value.DrainTimeout);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Part of <c>/health/ready</c>: unhealthy from the moment the instance starts draining.</summary>
internal sealed class DrainingCheck(RequestDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining ? HealthCheckResult.Unhealthy("This instance is shutting down.") : HealthCheckResult.Healthy("Serving."));
}
