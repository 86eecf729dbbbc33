namespace IpoctoPayments.Simulator.Pages;

/// <summary>The stylesheet every hosted page links to, served from the library like the pages themselves.</summary>
internal static class HostedPageAssets
{
    public static void MapHostedPageAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/_simulator/pages/hosted.css", () => Results.Stream(HostedPage.Files.GetFileInfo("Pages/hosted.css").CreateReadStream(), "text/css; charset=utf-8"))
            .ExcludeFromDescription();
}
