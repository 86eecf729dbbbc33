using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace IpoctoPayments.Api.Common;

internal static class Authentication
{
    public static void AddPaymentsAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (Encoding.UTF8.GetByteCount(auth.SigningKey) < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must hold at least 32 bytes; set it with user secrets or the Auth__SigningKey environment variable.");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey)),
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.Account, p => p.RequireClaim("sub").RequireAssertion(c => HasScope(c.User, Scopes.Account)))
            .AddPolicy(Scopes.Support, p => p.RequireAssertion(c => HasScope(c.User, Scopes.Support)))
            .AddPolicy(Scopes.Admin, p => p.RequireAssertion(c => HasScope(c.User, Scopes.Admin)))
            .AddPolicy(Scopes.Billing, p => p.RequireAssertion(c => HasScope(c.User, Scopes.Billing)));
    }

    /// <summary>The account the caller acts for: the token's subject.</summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("An account-scoped endpoint ran without a subject.");

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Scopes.ClaimType).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
