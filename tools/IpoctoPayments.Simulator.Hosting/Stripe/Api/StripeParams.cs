using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>
/// The parameters of one Stripe call, query and form body together, in Stripe's bracket notation:
/// <c>line_items[0][price_data][unit_amount]=1000</c>, <c>metadata[k]=v</c>, <c>expand[]=payment_intent</c>.
/// </summary>
internal sealed class StripeParams
{
    private readonly Dictionary<string, string> values;
    private readonly string canonicalBody;

    private StripeParams(Dictionary<string, string> values, string canonicalBody)
    {
        this.values = values;
        this.canonicalBody = canonicalBody;
    }

    /// <summary>The body in a stable order: what an idempotency key is compared against.</summary>
    public string Fingerprint => canonicalBody;

    public static StripeParams From(IEnumerable<KeyValuePair<string, StringValues>> query, IEnumerable<KeyValuePair<string, StringValues>> body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var arrays = new Dictionary<string, int>(StringComparer.Ordinal);
        var canonical = new List<string>();
        foreach (var (fromBody, pairs) in new[] { (false, query), (true, body) })
        {
            foreach (var (key, entries) in pairs)
            {
                foreach (var value in entries)
                {
                    var name = key;
                    if (name.EndsWith("[]", StringComparison.Ordinal))
                    {
                        // "expand[]=a&expand[]=b" is the same list as "expand[0]=a&expand[1]=b".
                        var stem = name[..^2];
                        var next = arrays.GetValueOrDefault(stem);
                        while (values.ContainsKey($"{stem}[{next}]"))
                        {
                            next++;
                        }

                        arrays[stem] = next + 1;
                        name = $"{stem}[{next}]";
                    }

                    values[name] = value ?? "";
                    if (fromBody)
                    {
                        canonical.Add(name + "=" + value);
                    }
                }
            }
        }

        canonical.Sort(StringComparer.Ordinal);
        return new StripeParams(values, string.Join('&', canonical));
    }

    public string? String(string name) => values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => values.Keys.Any(k => k == name || k.StartsWith(name + "[", StringComparison.Ordinal));

    public string Required(string name) =>
        String(name) is { Length: > 0 } value ? value : throw new StripeErrorException(StripeError.MissingParam(name));

    public long? Integer(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new StripeErrorException(StripeError.InvalidInteger(name, text));
    }

    /// <summary>The indices present under <paramref name="name"/> (<c>name[0]…</c>), in order.</summary>
    public IReadOnlyList<int> Indices(string name)
    {
        var prefix = name + "[";
        var found = new SortedSet<int>();
        foreach (var key in values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var end = key.IndexOf(']', prefix.Length);
            if (end > prefix.Length && int.TryParse(key.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                found.Add(index);
            }
        }

        return [.. found];
    }

    public IReadOnlyList<string> List(string name) =>
        [.. Indices(name).Select(i => String($"{name}[{i}]")).OfType<string>()];

    /// <summary>A hash parameter such as <c>metadata[key]=value</c>.</summary>
    public Dictionary<string, string> Map(string name)
    {
        var prefix = name + "[";
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key.EndsWith(']')))
        {
            var inner = key[prefix.Length..^1];
            if (!inner.Contains('[', StringComparison.Ordinal) && !inner.Contains(']', StringComparison.Ordinal))
            {
                map[inner] = value;
            }
        }

        return map;
    }

    public IReadOnlyList<string> Expand => List("expand");
}
