using System.Security.Cryptography;
using System.Text;

namespace IpoctoPayments.Application.Common.Idempotency;

/// <summary>A stable fingerprint of a request's meaningful fields, to tell a true retry from a reused key.</summary>
public static class RequestHash
{
    public static string Of(params IEnumerable<string?> fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields.Select(f => f ?? "\u0000")))));
}
