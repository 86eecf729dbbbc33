namespace IpoctoPayments.Browser.Tests.Support;

/// <summary>
/// Where each scenario's step screenshots go: <c>screenshots/&lt;scenario&gt;/</c> in the test output, which
/// <c>.ci/run</c> copies to <c>artifacts/browser/</c>.
/// </summary>
public static class Screenshots
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The scenario's folder, emptied of an earlier run's pictures.</summary>
    public static string Folder(string scenario)
    {
        var folder = Path.Combine(Root, scenario);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
