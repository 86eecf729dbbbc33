using System.Security.Claims;
using System.Text;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.PaymentMethods;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IpoctoPayments.Sandbox;

/// <summary>
/// What the real console gets elsewhere (its login, its own country list) and the demo page needs: sandbox-only, never
/// part of the API.
/// </summary>
internal static class DemoEndpoints
{
    /// <summary>The account the demo console acts for.</summary>
    public const string DemoAccount = "demo-customer";

    public static void MapDemoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var demo = endpoints.MapGroup("/demo").ExcludeFromDescription().AllowAnonymous();

        // A bearer token as the console's login would hand out, signed with the sandbox's published key.
        demo.MapPost("/token", (IConfiguration configuration, TimeProvider clock) =>
        {
            var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            var expires = clock.GetUtcNow().AddHours(8);
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = auth.Issuer,
                Audience = auth.Audience,
                Subject = new ClaimsIdentity([new Claim("sub", DemoAccount), new Claim(Scopes.ClaimType, $"{Scopes.Account} {Scopes.Support}")]),
                IssuedAt = clock.GetUtcNow().UtcDateTime,
                NotBefore = clock.GetUtcNow().UtcDateTime,
                Expires = expires.UtcDateTime,
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey)), SecurityAlgorithms.HmacSha256),
            });
            return TypedResults.Ok(new DemoToken(token, DemoAccount, expires));
        });

        // The countries the catalogue serves, with the providers that serve each: the choices of the console's country select.
        demo.MapGet("/countries", (PaymentMethodCatalogue catalogue) => TypedResults.Ok(catalogue.Methods
            .GroupBy(m => m.Country.Value)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DemoCountry(g.Key, [.. g.Select(m => ProviderNames.Of(m.Provider)).Distinct().Order(StringComparer.Ordinal)]))));
    }

    private sealed record DemoToken(string Token, string AccountId, DateTimeOffset ExpiresAt);

    private sealed record DemoCountry(string Code, IReadOnlyList<string> Providers);
}
