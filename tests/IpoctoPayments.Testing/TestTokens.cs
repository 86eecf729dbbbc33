using System.Security.Claims;
using System.Text;
using IpoctoPayments.Api.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IpoctoPayments.Testing;

/// <summary>Bearer tokens as the ipocto console would mint them, signed with the tests' key.</summary>
public static class TestTokens
{
    public const string SigningKey = "ipocto-payments-tests-signing-key-not-a-secret";
    public const string Issuer = "ipocto-console";
    public const string Audience = "ipocto-payments";

    /// <summary>ipocto's billing service: debits any account's balance (the account is in the path, not the token).</summary>
    public static string Billing() => For("ipocto-billing", Scopes.Billing);

    public static string For(string? accountId, params string[] scopes)
    {
        var claims = new List<Claim> { new(Scopes.ClaimType, string.Join(' ', scopes)) };
        if (accountId is not null)
        {
            claims.Add(new Claim("sub", accountId));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
