namespace IpoctoPayments.Api.Common;

/// <summary>The <c>Auth</c> section: how bearer tokens from the ipocto console are validated.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "ipocto-console";

    public string Audience { get; set; } = "ipocto-payments";

    /// <summary>HMAC-SHA256 key shared with the console (at least 32 bytes); from user secrets or the environment.</summary>
    public string SigningKey { get; set; } = "";
}
