using System.Diagnostics;
using System.IO.Pipelines;
using Alpy.Lab.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Images;

/// <summary>
/// Builds lab images without a registry: plans a recipe against the host, and imports it through Docker.DotNet
/// (<c>docker import</c>: a root filesystem tar streamed into the daemon) only when no image of the same input hash exists. Processes of one host building the same recipe at once take
/// turns (see <see cref="BuildLock"/>), so they all end up using one image.
/// </summary>
public sealed class ImageBuilder
{
    /// <summary>How long to wait for another process building the same image (a build takes about a second).</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How long an import (about 15 MB for the tools image) may take.</summary>
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(2);

    private readonly IDockerClient docker;
    private readonly ImagePlanner planner;
    private readonly ILogger logger;

    public ImageBuilder(IDockerClient docker, ImagePlanner? planner = null, ILogger<ImageBuilder>? logger = null)
    {
        this.docker = docker ?? throw new ArgumentNullException(nameof(docker));
        this.planner = planner ?? ImagePlanner.ForHost();
        this.logger = logger ?? NullLogger<ImageBuilder>.Instance;
    }

    /// <summary>Returns the recipe's image, building it first when no image of its input hash exists.</summary>
    /// <exception cref="ImageBuildException">A host file is missing (the message names the Debian package) or a program does not compile.</exception>
    /// <exception cref="ImageBuildException">The daemon refused the import (its message included).</exception>
    /// <exception cref="DockerUnavailableException">The daemon cannot be reached or went away.</exception>
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

        var id = await ImportAsync(plan, programs, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Streams the plan's tar into the daemon (never buffered whole) and returns the new image's id.</summary>
    private async Task<string> ImportAsync(ImagePlan plan, IReadOnlyDictionary<string, byte[]> programs, CancellationToken cancellationToken)
    {
        var parameters = new ImagesCreateParameters
        {
            Repo = plan.Recipe.Repository,
            Tag = plan.Tag,
            Changes = Changes(plan),
            Message = $"alpy image {plan.Recipe.Name} {plan.InputHash}",
        };
        var progress = new ImportProgress();
        var pipe = new Pipe();
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteAsync(pipe.Writer, plan, programs, stopWriting.Token);
        try
        {
            await docker.CallAsync(token => docker.Images.CreateImageAsync(parameters, pipe.Reader.AsStream(leaveOpen: true), null, progress, token),
                cancellationToken, ImportTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (writing.IsFaulted && e is not OperationCanceledException)
        {
            await writing.ConfigureAwait(false); // the tar's own failure is the cause
            throw;
        }
        catch (DockerApiException e)
        {
            throw new ImageBuildException($"The Docker daemon refused to import image {plan.Reference}: {DaemonMessage.Of(e)}", e);
        }
        finally
        {
            await stopWriting.CancelAsync().ConfigureAwait(false);
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
        }
        if (progress.Error is { } error)
            throw new ImageBuildException($"The Docker daemon failed to import image {plan.Reference}: {error}");
        return progress.ImageId
            ?? (await docker.CallAsync(token => docker.Images.InspectImageAsync(plan.Reference, token), cancellationToken).ConfigureAwait(false)).ID;
    }

    private static async Task WriteAsync(PipeWriter writer, ImagePlan plan, IReadOnlyDictionary<string, byte[]> programs, CancellationToken cancellationToken)
    {
        try
        {
            await ImageTarWriter.WriteAsync(writer.AsStream(leaveOpen: true), plan, programs, cancellationToken).ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes the images of recipe <paramref name="name"/> whose input hash is not <paramref name="current"/>.</summary>
    private async Task<IReadOnlyList<string>> PruneAsync(string name, string current, CancellationToken cancellationToken)
    {
        var images = await docker.CallAsync(token => docker.Images.ListImagesAsync(
            new ImagesListParameters { Filters = DockerCalls.LabelFilter($"{ImageLabels.Image}={name}") }, token), cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var image in images.Where(image => HashOf(image.Labels) != current))
        {
            try
            {
                await docker.CallAsync(token => docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, token), cancellationToken)
                    .ConfigureAwait(false);
                removed.Add(image.RepoTags?.FirstOrDefault(tag => tag != "<none>:<none>") ?? image.ID);
            }
            catch (DockerImageNotFoundException)
            {
                // Removed meanwhile by someone else: what was wanted.
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                var reason = DaemonMessage.Of(e);
                ImageLog.StaleImageInUse(logger, image.ID, reason);
            }
        }

        return removed;
    }

    private async Task<BuiltImage?> FindAsync(ImagePlan plan, CancellationToken cancellationToken)
    {
        ImageInspectResponse existing;
        try
        {
            existing = await docker.CallAsync(token => docker.Images.InspectImageAsync(plan.Reference, token), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        if (HashOf(existing.Config?.Labels) != plan.InputHash)
        {
            return null;
        }

        ImageLog.Reused(logger, plan.Reference);
        return new BuiltImage(plan.Reference, existing.ID, plan.InputHash, Built: false);
    }

    private static string? HashOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(ImageLabels.Hash, out var hash) ? hash : null;

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

    /// <summary>
    /// Keeps what the daemon reports while it imports: the new image's id, or its error (an import can fail inside a 200 answer).
    /// Synchronous on purpose: <see cref="Progress{T}"/> would report on another thread, after the import returned.
    /// </summary>
    private sealed class ImportProgress : IProgress<JSONMessage>
    {
        public string? ImageId { get; private set; }

        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } error)
                Error = error;
            else if (value.Status is { } status && status.StartsWith("sha256:", StringComparison.Ordinal))
                ImageId = status.Trim();
        }
    }

    /// <summary>A Dockerfile word in double quotes: spaces stay in the value, and nothing in it is expanded.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "\"";
}
