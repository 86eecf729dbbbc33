using IpoctoPayments.Api.Common.Reference;
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
            .WithDescription("\"Why can't I see the payment method I want to use?\": `country` is required, `amount` (in the balance currency) and "
                + "`provider` narrow the list. A method charging another currency shows the amount at the rate that will be locked.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.PaymentMethods },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "country_required", "Give the customer's country or region, e.g. \"US\" or \"PH\"."),
                    (StatusCodes.Status400BadRequest, "invalid_country", "A country is a two-letter ISO 3166 code such as PH or US."),
                ],
            });
}
