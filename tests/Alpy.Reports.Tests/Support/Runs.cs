using Alpy.Reports.Model;

namespace Alpy.Reports.Tests.Support;

/// <summary>Reads a stream into a <see cref="RunResult"/>, as the report does.</summary>
internal static class Runs
{
    public static Task<RunResult> ReadAsync(string path) =>
        RunResultBuilder.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken);

    public static Task<RunResult> CckAsync(string sample) => ReadAsync(RepositoryPaths.CckStream(sample));
}
