using Alpy.Qemu.Images;

namespace Alpy.Lab.Dut;

/// <summary>The default DUT, Rabbit, built (or found in its cache) by the recipe dut/rabbit/build.</summary>
public static class Rabbit
{
    /// <summary>
    /// Runs the recipe (well under a second when cached) and returns Rabbit's profile.
    /// </summary>
    /// <param name="recipe">The recipe's path; null to find dut/rabbit/build above the program's folder or the current directory.</param>
    /// <param name="timeout">How long a first build (package downloads) may take; default 10 minutes.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="LabException">The recipe is not found.</exception>
    public static async Task<DutProfile> BuildAsync(string? recipe = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        recipe ??= BootImageRecipe.Find() ?? BootImageRecipe.Find(startDirectory: Environment.CurrentDirectory)
            ?? throw new LabException(
                $"Cannot find Rabbit's recipe ({BootImageRecipe.Rabbit}) above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; pass its path.");
        var image = await BootImageRecipe.BuildAsync(recipe, logger: null, timeout, cancellationToken).ConfigureAwait(false);
        // A saved state may hold neighbours of the nodes it was saved beside; a new run's nodes have new MACs.
        return DutProfile.FromBootImage(image) with { RestoreCommand = "/bin/ip neigh flush all; " + image.ResetCommand };
    }
}
