using System.Diagnostics;

namespace Alpy.Lab.Dut;

/// <summary>The default DUT, Rabbit: built (or found in its cache) by the recipe dut/rabbit/build.</summary>
public static class Rabbit
{
    /// <summary>The recipe's path below the repository root.</summary>
    public const string RecipePath = "dut/rabbit/build";

    /// <summary>
    /// Runs the recipe (quick when cached) and loads the profile from the manifest it prints.
    /// </summary>
    /// <param name="repositoryRoot">The Alpy.Specs checkout; null to search upwards from the current directory and the program's.</param>
    /// <param name="timeout">How long a build may take (a first build downloads packages; default 10 minutes).</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="LabException">The recipe is missing or failed; the message carries its output.</exception>
    public static async Task<DutProfile> BuildAsync(string? repositoryRoot = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var root = repositoryRoot ?? FindRepositoryRoot()
            ?? throw new LabException(
                $"Cannot find the Rabbit recipe ({RecipePath}) above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; pass the repository root.");
        var recipe = Path.Combine(root, RecipePath);
        if (!File.Exists(recipe))
            throw new LabException($"The Rabbit recipe {recipe} does not exist; pass the Alpy.Specs repository root.");

        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(recipe, ["--quiet"]) { RedirectStandardOutput = true, RedirectStandardError = true },
        };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new LabException($"{recipe} did not finish within {limit.TotalSeconds:0} s: {(await stderr.ConfigureAwait(false)).Trim()}", e);
        }
        if (process.ExitCode != 0)
            throw new LabException($"{recipe} failed with exit code {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
        var manifest = (await stdout.ConfigureAwait(false)).Trim().Split('\n')[^1];
        return await DutManifest.LoadAsync(manifest, cancellationToken).ConfigureAwait(false);
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, RecipePath)))
                    return dir.FullName;
        return null;
    }
}
