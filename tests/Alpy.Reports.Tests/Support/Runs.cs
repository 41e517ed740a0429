using Alpy.Reports.Messages;
using Alpy.Reports.Model;

namespace Alpy.Reports.Tests.Support;

/// <summary>Reads a stream into a <see cref="RunResult"/>, as the report does.</summary>
internal static class Runs
{
    public static async Task<RunResult> ReadAsync(string path)
    {
        var reader = new MessageStreamReader(path);
        var builder = new RunResultBuilder(path);
        await foreach (var envelope in reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            builder.Add(envelope);
        }

        return builder.Build(reader.TruncatedTailBytes);
    }

    public static Task<RunResult> CckAsync(string sample) => ReadAsync(RepositoryPaths.CckStream(sample));
}
