using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;

namespace IpoctoPayments.Application.Common.Providers;

/// <summary>
/// The one translation of a provider's failure into the caller's error, for a use case that waits on the provider's
/// answer: unreachable is <c>503 provider_unavailable</c> with the guide's guidance, refused is <c>422 provider_rejected</c>
/// with the provider's reason.
/// </summary>
internal static class ProviderFailures
{
    /// <summary>Runs <paramref name="call"/> to <paramref name="provider"/>; <paramref name="what"/> names what was asked in a refusal's message ("the payment", "the look-up").</summary>
    public static async Task<T> AskAsync<T>(PaymentProvider provider, string what, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (ProviderUnavailableException)
        {
            throw new AppException(new AppError(ErrorKind.ProviderUnavailable, PaymentErrors.ProviderUnavailable.Code,
                $"{PaymentErrors.ProviderUnavailable.Message} {PaymentErrors.ProviderUnavailable.Guidance}"));
        }
        catch (ProviderRejectedException rejected)
        {
            throw AppException.Unprocessable("provider_rejected", $"{ProviderNames.Of(provider)} refused {what} ({rejected.ProviderCode}): {rejected.Message}");
        }
    }
}
