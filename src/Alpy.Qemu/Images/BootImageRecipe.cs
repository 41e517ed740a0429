using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Qemu.Images;

/// <summary>
/// Runs a DUT image recipe (an executable such as dut/rabbit/build that prints the path of its manifest.json
/// on stdout) and loads the result. A cached image answers in well under a second; a first build downloads
/// Debian packages and may take a minute.
/// </summary>
public static class BootImageRecipe
{
    /// <summary>The default DUT's recipe, relative to the repository root.</summary>
    public const string Rabbit = "dut/rabbit/build";

    /// <summary>How long a recipe may run (downloads included) when no timeout is given.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="recipe"/> (argv, no shell) with <c>--quiet</c> and loads the manifest it prints.</summary>
    public static async Task<BootImage> BuildAsync(
        string recipe, ILogger? logger = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipe);
        var path = Path.GetFullPath(recipe);
        if (!File.Exists(path))
        {
            throw new QemuException($"The boot image recipe {path} does not exist. Run from the repository (or give the path of dut/rabbit/build).");
        }

        var started = Stopwatch.GetTimestamp();
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--quiet");
        using var process = Process.Start(start) ?? throw new QemuException($"The boot image recipe {path} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var limit = timeout ?? DefaultTimeout;
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // A recipe runs apt-get and friends: take the whole tree down, leave nothing running.
            process.Kill(entireProcessTree: true);
            if (ex is TimeoutException)
            {
                throw new QemuException($"The boot image recipe {path} did not finish within {limit.TotalMinutes:0.#} min (slow mirror?). Run it by hand to see where it stops.", ex);
            }

            throw;
        }

        var output = (await stdout.ConfigureAwait(false)).Trim();
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new QemuException(
                $"The boot image recipe {path} failed with exit code {process.ExitCode}. Fix what it names below, then run it by hand to check." +
                Evidence.Block("Its stderr", errors));
        }

        var manifest = output.Split('\n').LastOrDefault(l => l.EndsWith(".json", StringComparison.Ordinal))
            ?? throw new QemuException($"The boot image recipe {path} printed no manifest path (got: '{output}').");
        var image = BootImage.Load(manifest);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.BootImageReady(logger ?? NullLogger.Instance, image.Name, image.ManifestPath, elapsed.TotalMilliseconds);
        return image;
    }

    /// <summary>Finds <paramref name="relativePath"/> (default: <see cref="Rabbit"/>) in <paramref name="startDirectory"/>
    /// (default: the application's folder) or its nearest ancestor that has it; null when none does.</summary>
    public static string? Find(string relativePath = Rabbit, string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
