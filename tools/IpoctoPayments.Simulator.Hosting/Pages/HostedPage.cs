using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace IpoctoPayments.Simulator.Pages;

/// <summary>
/// A hosted page: a Liquid template embedded in the library (<c>Stripe/Pages/checkout.liquid</c>) rendered into the
/// frame every hosted page shares (<c>Pages/layout.liquid</c>). The template engine HTML-encodes every value it
/// writes; <paramref name="model"/> is a snapshot, since the page renders after the store's lock is released.
/// </summary>
/// <param name="provider">The provider the page stands for, as the frame names it: "Stripe", "PayerMax".</param>
/// <param name="template">The template's path in the library without <c>.liquid</c>.</param>
/// <param name="model">What the template reads; its properties are read by their snake_case names.</param>
/// <param name="statusCode">The HTTP status of the page.</param>
internal sealed class HostedPage(string provider, string template, object model, int statusCode = StatusCodes.Status200OK) : IResult
{
    /// <summary>Resources are named by root namespace and folder path, so templates find each other by path.</summary>
    public static readonly EmbeddedFileProvider Files = new(typeof(HostedPage).Assembly, "IpoctoPayments.Simulator");

    private const string Layout = "Pages/layout";

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithFileProvider(new FileProviderTemplateFileProvider(Files))
        .WithModelNamesComparer(StringComparers.SnakeCase)
        .Build();

    /// <summary>Markup characters are encoded; other text (names, "×", "—") stays readable in the source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);

    public static HostedPage NotFound(string provider, string heading, string detail) =>
        new(provider, "Pages/not_found", new { Heading = heading, Detail = detail }, StatusCodes.Status404NotFound);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var context = new TemplateContext(model, Options);
        context.SetValue("provider", provider);

        // Not isolated, so what the page assigns (its title) is there for the frame.
        var body = await Template(template).RenderAsync(context, Encoder, isolateContext: false);
        context.SetValue("body", body);
        var html = await Template(Layout).RenderAsync(context, Encoder);
        await Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode).ExecuteAsync(httpContext);
    }

    private static IFluidTemplate Template(string path) => Parsed.GetOrAdd(path, p =>
    {
        using var reader = new StreamReader(Files.GetFileInfo($"{p}.liquid").CreateReadStream());
        return Parser.Parse(reader.ReadToEnd());
    });
}
