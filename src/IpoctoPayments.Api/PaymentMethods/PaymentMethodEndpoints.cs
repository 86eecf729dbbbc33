using IpoctoPayments.Application.PaymentMethods.ListPaymentMethods;
using Mediator;

namespace IpoctoPayments.Api.PaymentMethods;

internal static class PaymentMethodEndpoints
{
    public static void MapPaymentMethodEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/payment-methods", async (string? country, string? amount, string? provider, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPaymentMethodsQuery(country, amount, provider), ct)))
            .WithTags("Payment methods")
            .RequireAuthorization()
            .WithName("ListPaymentMethods")
            .WithSummary("The methods offered in a country for an amount, and why every other method is not.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
