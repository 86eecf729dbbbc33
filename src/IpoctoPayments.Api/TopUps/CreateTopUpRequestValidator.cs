using FluentValidation;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Common;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.TopUps;

/// <summary>The console's request as it arrives: every field present and well-formed before it becomes a command.</summary>
internal sealed class CreateTopUpRequestValidator : AbstractValidator<CreateTopUpRequest>
{
    public CreateTopUpRequestValidator(IOptions<ReturnOriginOptions> returnOrigins)
    {
        ArgumentNullException.ThrowIfNull(returnOrigins);
        // Checked at start (ReturnOriginOptionsValidator): every configured origin parses.
        var origins = returnOrigins.Value.ReturnOrigins.Select(o => ReturnOrigin.Parse(o)!).ToList();

        // A When() applies to every rule before it in the chain unless told otherwise; the format checks must not switch off NotEmpty.
        RuleFor(r => r.Amount == null ? null : r.Amount.Amount)
            .NotEmpty().WithErrorCode("amount_required").WithMessage("Give the amount to top up, e.g. \"20.00\".")
            .OverridePropertyName("amount");
        RuleFor(r => r.Amount == null ? null : r.Amount.Currency)
            .Must(c => c is null || Currency.FromCode(c).IsSuccess)
            .WithErrorCode("currency_not_supported").WithMessage("The currency is not an ISO 4217 code this service knows.")
            .OverridePropertyName("currency");
        RuleFor(r => r.Provider)
            .NotEmpty().WithErrorCode("provider_required").WithMessage("Choose a provider: stripe or payermax.")
            .Must(p => ProviderNames.Parse(p) is not null).When(r => !string.IsNullOrEmpty(r.Provider), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("provider_not_supported").WithMessage("The provider must be stripe or payermax.");
        RuleFor(r => r.Country)
            .NotEmpty().WithErrorCode("country_required").WithMessage("Give the customer's country or region, e.g. \"US\" or \"PH\".")
            .Must(c => CountryCode.Parse(c).IsSuccess).When(r => !string.IsNullOrEmpty(r.Country), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("invalid_country").WithMessage("A country is a two-letter ISO 3166 code such as PH or US.");
        RuleFor(r => r.PaymentMethod)
            .Must(m => m!.Length is > 0 and <= 64 && m.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_')).When(r => r.PaymentMethod is not null)
            .WithErrorCode("payment_method_unknown").WithMessage("A payment method code is lowercase letters, digits and '_', e.g. \"card\" or \"gcash\".");
        RuleFor(r => r.ReturnUrl)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("return_url_required").WithMessage("Give the console page the customer comes back to.")
            .Must(BeAbsoluteHttpUrl)
            .WithErrorCode("invalid_return_url").WithMessage("The return URL must be an absolute http or https URL.")
            .Must(url => origins.Exists(o => o.Holds(new Uri(url!))))
            .WithErrorCode("return_url_not_allowed")
            .WithMessage($"The return URL must be a console page under {string.Join(" or ", origins.Select(o => o.Text))}, with no user name or password in it.");
    }

    private static bool BeAbsoluteHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && url!.Length <= 2000
        && !url.Any(char.IsControl);
}
