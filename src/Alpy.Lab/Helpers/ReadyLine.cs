using System.Text;
using Alpy.Docker;

namespace Alpy.Lab.Helpers;

/// <summary>Follows a container's output until it prints a line that says it is ready.</summary>
internal static class ReadyLine
{
    /// <summary>Output kept while waiting; a container that chatters more than this without the line is not going to say it.</summary>
    private const int MaxOutput = 64 * 1024;

    /// <summary>The outcome: ready, or not, with what the container wrote either way.</summary>
    public sealed record Outcome(bool Ready, bool TimedOut, string Output);

    public static async Task<Outcome> WaitAsync(DockerClient docker, string containerId, string line, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new StringBuilder();
        try
        {
            await foreach (var chunk in docker.Containers.FollowLogsAsync(containerId, new ContainerLogsOptions { Timeout = timeout }, cancellationToken)
                .ConfigureAwait(false))
            {
                seen.Append(chunk.Text);
                if (seen.ToString().Split('\n').Contains(line, StringComparer.Ordinal))
                    return new Outcome(true, false, seen.ToString());
                if (seen.Length > MaxOutput)
                    break;
            }
        }
        catch (DockerTimeoutException)
        {
            return new Outcome(false, true, seen.ToString().Trim());
        }
        return new Outcome(false, false, seen.ToString().Trim());
    }
}
