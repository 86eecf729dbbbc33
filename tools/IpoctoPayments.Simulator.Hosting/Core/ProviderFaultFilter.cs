namespace IpoctoPayments.Simulator.Core;

/// <summary>Applies the global API outage and latency switches to one provider's API endpoints.</summary>
internal sealed class ProviderFaultFilter(string provider, Func<HttpContext, IResult> serverError) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var (latency, outage) = services.GetRequiredService<FaultPlan>().TakeApiFault(provider);
        if (latency is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, http.RequestAborted);
        }

        if (outage is OutageMode.ServerError)
        {
            return serverError(http);
        }

        var result = await next(context);
        if (outage is OutageMode.Timeout)
        {
            // The work is done (a session may exist now); only the answer is lost, as when a network times out.
            var hang = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>().Value.OutageTimeout;
            await Task.Delay(hang, clock, http.RequestAborted);
            http.Abort();
        }

        return result;
    }
}

public static class ProviderFaultFilterExtensions
{
    /// <summary>Puts a provider's API endpoints under the outage and latency switches.</summary>
    public static RouteGroupBuilder WithProviderFaults(this RouteGroupBuilder group, string provider, Func<HttpContext, IResult> serverError) =>
        group.AddEndpointFilter(new ProviderFaultFilter(provider, serverError));
}
