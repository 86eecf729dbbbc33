using IpoctoPayments.Application.TopUps;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.TopUps;

/// <summary>
/// The API's part of the <c>TopUps</c> section: where a provider may send the customer back to. A checked rule at the edge,
/// so that nobody holding a token can hand a customer a genuine payment page that ends on a site of their choosing.
/// </summary>
public sealed class ReturnOriginOptions
{
    public const string Section = TopUpOptions.Section;

    /// <summary>The console's origins (<c>https://console.ipocto.com</c>); a top-up's <c>returnUrl</c> must be under one of them.</summary>
    public List<string> ReturnOrigins { get; set; } = [];
}

/// <summary>Refuses to start without a usable origin: with none, every top-up would be refused, and accepting any would be worse.</summary>
internal sealed class ReturnOriginOptionsValidator : IValidateOptions<ReturnOriginOptions>
{
    private const string Example = "https://console.ipocto.com";

    public ValidateOptionsResult Validate(string? name, ReturnOriginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ReturnOrigins.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                $"{ReturnOriginOptions.Section}:ReturnOrigins lists no console origin, so every top-up would be refused; set it, e.g. {ReturnOriginOptions.Section}__ReturnOrigins__0={Example}.");
        }

        var unusable = options.ReturnOrigins.Select((origin, i) => (origin, i)).Where(o => ReturnOrigin.Parse(o.origin) is null)
            .Select(o => $"{ReturnOriginOptions.Section}:ReturnOrigins:{o.i} \"{o.origin}\" is not an origin: give an http or https scheme, the host and a port if needed, nothing more (e.g. {Example}).")
            .ToList();
        return unusable.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(unusable);
    }
}
