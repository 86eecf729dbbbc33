namespace IpoctoPayments.Browser.Tests.Support;

/// <summary>Debian's Chromium, which Playwright drives instead of a browser of its own (nothing is downloaded).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Without the background-networking flags Chromium keeps trying to reach the internet; <c>--no-sandbox</c> lets it
    /// run as root in a container.
    /// </summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-quic", "--disable-sync",
    ];

    /// <summary>
    /// Skips the calling test (with the reason printed) where Chromium is not installed; in CI a missing browser fails
    /// instead, since CI must run these tests (<c>.ci/run</c> installs it).
    /// </summary>
    public static void SkipUnlessInstalled()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: CI must run the browser tests (.ci/run installs Debian's chromium package).");
        }

        Skip.If(true, $"Chromium not installed: {ExecutablePath} is missing. `apt-get install chromium` installs it, and `bash .ci/run` does so itself.");
    }
}
