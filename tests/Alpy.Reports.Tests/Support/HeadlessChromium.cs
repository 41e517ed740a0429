using Microsoft.Playwright;

namespace Alpy.Reports.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (which cannot download a browser here): headless, with the
/// flags that let it run as root in a container and keep it off the network.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Overrides the browser's path (default /usr/bin/chromium, installed by scripts/install-prerequisites).</summary>
    public const string ExecutableVariable = "ALPY_CHROMIUM";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: run scripts/install-prerequisites (Debian package chromium) or set {ExecutableVariable}.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Timeout = 60_000,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync"],
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
