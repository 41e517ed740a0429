using System.Diagnostics;
using Alpy.Docker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Images;

/// <summary>
/// Builds lab images without a registry: plans a recipe against the host, and imports it through the Engine API
/// only when no image of the same input hash exists. Processes of one host building the same recipe at once take
/// turns (see <see cref="BuildLock"/>), so they all end up using one image.
/// </summary>
public sealed class ImageBuilder
{
    /// <summary>How long to wait for another process building the same image (a build takes about a second).</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    private readonly DockerClient docker;
    private readonly ImagePlanner planner;
    private readonly ILogger logger;

    public ImageBuilder(DockerClient docker, ImagePlanner? planner = null, ILogger<ImageBuilder>? logger = null)
    {
        this.docker = docker ?? throw new ArgumentNullException(nameof(docker));
        this.planner = planner ?? ImagePlanner.ForHost();
        this.logger = logger ?? NullLogger<ImageBuilder>.Instance;
    }

    /// <summary>Returns the recipe's image, building it first when no image of its input hash exists.</summary>
    /// <exception cref="ImageBuildException">A host file is missing (the message names the Debian package) or a program does not compile.</exception>
    /// <exception cref="DockerException">The daemon refused the import.</exception>
    public async Task<BuiltImage> EnsureAsync(ImageRecipe recipe, CancellationToken cancellationToken = default)
    {
        var plan = planner.Plan(recipe);
        if (await FindAsync(plan, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        using var buildLock = await BuildLock.AcquireAsync(recipe.Name, LockTimeout, cancellationToken).ConfigureAwait(false);

        // Another process may have built it while this one waited for the lock.
        if (await FindAsync(plan, cancellationToken).ConfigureAwait(false) is { } builtMeanwhile)
        {
            return builtMeanwhile;
        }

        var started = Stopwatch.GetTimestamp();
        var programs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var program in plan.Entries.OfType<ProgramEntry>())
        {
            programs[program.Path] = await StaticCompiler.CompileAsync(recipe.Name, program.Program, cancellationToken).ConfigureAwait(false);
        }

        var id = await docker.Images.ImportAsync(
            (stream, token) => ImageTarWriter.WriteAsync(stream, plan, programs, token),
            new ImageImportOptions
            {
                Repository = recipe.Repository,
                Tag = plan.Tag,
                Changes = Changes(plan),
                Message = $"alpy image {recipe.Name} {plan.InputHash}",
            },
            cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        ImageLog.Built(logger, plan.Reference, plan.Entries.Count, elapsed);

        // A new input hash supersedes the recipe's older builds (its files or the host's packages changed): without
        // this, every package upgrade would leave another image behind. Images still in use stay.
        await PruneAsync(recipe.Name, plan.InputHash, cancellationToken).ConfigureAwait(false);
        return new BuiltImage(plan.Reference, id, plan.InputHash, Built: true);
    }

    /// <summary>
    /// Removes the recipe's images of other input hashes (stale builds). Images still used by a container stay.
    /// </summary>
    /// <returns>The references or ids removed.</returns>
    public Task<IReadOnlyList<string>> PruneStaleAsync(ImageRecipe recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return PruneAsync(recipe.Name, planner.Plan(recipe).InputHash, cancellationToken);
    }

    /// <summary>Removes the images of recipe <paramref name="name"/> whose input hash is not <paramref name="current"/>.</summary>
    private async Task<IReadOnlyList<string>> PruneAsync(string name, string current, CancellationToken cancellationToken)
    {
        var images = await docker.Images.ListAsync(new ImageListOptions { Labels = [$"{ImageLabels.Image}={name}"] }, cancellationToken)
            .ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var image in images.Where(image => image.Labels?.GetValueOrDefault(ImageLabels.Hash) != current))
        {
            try
            {
                await docker.Images.RemoveAsync(image.Id, force: true, cancellationToken).ConfigureAwait(false);
                removed.Add(image.RepoTags?.FirstOrDefault(tag => tag != "<none>:<none>") ?? image.Id);
            }
            catch (DockerConflictException e)
            {
                ImageLog.StaleImageInUse(logger, image.Id, e.DaemonMessage ?? e.Message);
            }
            catch (DockerNotFoundException)
            {
                // Removed meanwhile by someone else: what was wanted.
            }
        }

        return removed;
    }

    private async Task<BuiltImage?> FindAsync(ImagePlan plan, CancellationToken cancellationToken)
    {
        var existing = await docker.Images.TryInspectAsync(plan.Reference, cancellationToken).ConfigureAwait(false);
        if (existing?.Config?.Labels?.GetValueOrDefault(ImageLabels.Hash) != plan.InputHash)
        {
            return null;
        }

        ImageLog.Reused(logger, plan.Reference);
        return new BuiltImage(plan.Reference, existing.Id, plan.InputHash, Built: false);
    }

    private static List<string> Changes(ImagePlan plan)
    {
        var changes = new List<string>
        {
            $"LABEL {ImageLabels.Image}={plan.Recipe.Name}",
            $"LABEL {ImageLabels.Hash}={plan.InputHash}",
        };
        changes.AddRange(plan.Recipe.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"LABEL {pair.Key}={pair.Value}"));
        changes.AddRange(plan.Recipe.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"ENV {pair.Key}={Quote(pair.Value)}"));
        if (plan.Recipe.Cmd.Count > 0)
        {
            changes.Add("CMD " + System.Text.Json.JsonSerializer.Serialize(plan.Recipe.Cmd, ImageJsonContext.Default.IReadOnlyListString));
        }

        return changes;
    }

    /// <summary>A Dockerfile word in double quotes: spaces stay in the value, and nothing in it is expanded.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "\"";
}
