using System.Text;
using Alpy.Lab.Docker;
using Docker.DotNet;

namespace Alpy.Lab.Helpers;

/// <summary>Follows a container's output until it prints a line that says it is ready.</summary>
internal static class ReadyLine
{
    /// <summary>Output kept while waiting; a container that chatters more than this without the line is not going to say it.</summary>
    private const int MaxOutput = 64 * 1024;

    /// <summary>The outcome: ready, or not, with what the container wrote either way.</summary>
    public sealed record Outcome(bool Ready, bool TimedOut, string Output);

    public static async Task<Outcome> WaitAsync(IDockerClient docker, string containerId, string line, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var text in ContainerLogs.FollowAsync(docker, containerId, deadline.Token).ConfigureAwait(false))
            {
                seen.Append(text);
                if (seen.ToString().Split('\n').Contains(line, StringComparer.Ordinal))
                    return new Outcome(true, false, seen.ToString());
                if (seen.Length > MaxOutput)
                    break;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(false, true, seen.ToString().Trim());
        }
        return new Outcome(false, false, seen.ToString().Trim());
    }
}
