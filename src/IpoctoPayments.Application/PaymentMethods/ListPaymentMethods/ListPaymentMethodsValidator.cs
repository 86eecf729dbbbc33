using FluentValidation;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.PaymentMethods.ListPaymentMethods;

internal sealed class ListPaymentMethodsValidator : AbstractValidator<ListPaymentMethodsQuery>
{
    public ListPaymentMethodsValidator()
    {
        RuleFor(q => q.Country)
            .NotEmpty().WithErrorCode("country_required").WithMessage("Give the customer's country or region, e.g. \"US\" or \"PH\".")
            .Must(c => CountryCode.Parse(c).IsSuccess).When(q => !string.IsNullOrEmpty(q.Country), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("invalid_country").WithMessage("A country is a two-letter ISO 3166 code such as PH or US.");
        RuleFor(q => q.Provider)
            .Must(p => ProviderNames.Parse(p) is not null).When(q => q.Provider is not null)
            .WithErrorCode("provider_not_supported").WithMessage("The provider must be stripe or payermax.");
    }
}
