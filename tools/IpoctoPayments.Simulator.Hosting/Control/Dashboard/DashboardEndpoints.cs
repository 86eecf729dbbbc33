using System.Reflection;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Model;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Control.Dashboard;

/// <summary>
/// <c>/_simulator/dashboard</c>: a page over the control API showing what the providers hold, every webhook
/// delivery with the receiver's answers, and buttons for the scenarios. Served from the library, so every host
/// that maps the simulator has it.
/// </summary>
internal static class DashboardEndpoints
{
    private const string Page = "/_simulator/dashboard";

    public static void MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/_simulator", () => Results.Redirect(Page)).ExcludeFromDescription();
        endpoints.MapGet(Page, () => Asset("dashboard.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet($"{Page}/dashboard.js", () => Asset("dashboard.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet($"{Page}/dashboard.css", () => Asset("dashboard.css", "text/css; charset=utf-8")).ExcludeFromDescription();

        endpoints.MapGet("/_simulator/overview", (StripeStore stripe, PayerMaxStore payerMax, WebhookOutbox outbox, SimulatorScheduler scheduler, FaultPlan faults, WebhookListeners listeners) =>
                Overview.Of(stripe, payerMax, outbox, scheduler, faults, listeners))
            .WithTags("Simulator control")
            .WithSummary("One snapshot for the dashboard: clock, faults, listeners, Stripe sessions and PaymentIntents, PayerMax orders, and every delivery with its attempts (receiver bodies cut to an excerpt).");
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"IpoctoPayments.Simulator.Dashboard.{name}")
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        return Results.Stream(stream, contentType);
    }
}
