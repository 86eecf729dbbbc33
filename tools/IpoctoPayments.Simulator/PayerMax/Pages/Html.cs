using System.Net;
using System.Text;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>The frame of every simulated PayerMax page; every value put into HTML goes through <see cref="Encode"/>.</summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;background:#f4f6fb;margin:0;color:#1d2330}
        main{max-width:28rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 2px 10px #0001}
        h1{font-size:1.25rem;margin:0 0 .25rem} .amount{font-size:1.75rem;font-weight:600;margin:.5rem 0}
        .muted{color:#667} .notice{background:#fff6d6;padding:.5rem .75rem;border-radius:8px}
        .error{background:#fde8e8;color:#8a1c1c;padding:.5rem .75rem;border-radius:8px}
        ul.methods{list-style:none;padding:0} ul.methods li{margin:.5rem 0}
        a.method,button{display:block;width:100%;box-sizing:border-box;padding:.75rem;border-radius:8px;border:1px solid #ccd;background:#fff;font:inherit;text-align:center;color:inherit;text-decoration:none;cursor:pointer}
        button.primary{background:#5b3df5;color:#fff;border-color:#5b3df5} label{display:block;margin:.75rem 0 .25rem}
        input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #ccd;border-radius:8px;font:inherit}
        img.qr{display:block;margin:1rem auto;width:220px;height:220px} form{margin:.75rem 0}
        """;

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>A full page; <paramref name="body"/> is HTML already encoded by its builder.</summary>
    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head>")
            .Append("<body><main>").Append(body).Append("</main></body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static IResult NotFound(string what) =>
        Page("Not found", $"<h1>Not found</h1><p role=\"alert\" class=\"error\">{Encode(what)}</p>", StatusCodes.Status404NotFound);
}
