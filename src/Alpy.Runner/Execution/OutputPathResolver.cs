using System.Globalization;
using System.Text.RegularExpressions;

namespace Alpy.Runner.Execution;

/// <summary>
/// Turns a formatter's <c>outputFilePath</c> into a full path as Reqnroll does: substitution
/// variables (<c>{timestamp}</c>, <c>{env:NAME}</c>, <c>{buildNumber}</c>, <c>{revision}</c>,
/// <c>{branch}</c>, <c>{tag}</c>, and <c>{projectDir}</c> for the test project's directory), a
/// path ending in a separator gets the default file name, a relative path is under the output folder.
/// </summary>
internal static partial class OutputPathResolver
{
    public static string Resolve(string? configured, string defaultFileName, string baseDirectory, string? projectDirectory, Func<string, string?> environment, DateTimeOffset now)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? defaultFileName : configured;
        path = Variable().Replace(path, m => Substitute(m.Groups[1].Value, projectDirectory, environment, now));
        path = path.Replace('\\', Path.DirectorySeparatorChar);
        if (path.EndsWith(Path.DirectorySeparatorChar))
        {
            path += defaultFileName;
        }

        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
    }

    private static string Substitute(string name, string? projectDirectory, Func<string, string?> environment, DateTimeOffset now)
    {
        if (name.StartsWith("env:", StringComparison.Ordinal))
        {
            return environment(name[4..]) ?? string.Empty;
        }

        return name switch
        {
            "timestamp" => now.ToString("yyyy-MM-dd_HH_mm_ss", CultureInfo.InvariantCulture),
            "projectDir" => projectDirectory ?? string.Empty,
            "buildNumber" => environment("GITHUB_RUN_NUMBER") ?? environment("CI_PIPELINE_IID") ?? environment("BUILD_BUILDNUMBER") ?? string.Empty,
            "revision" => environment("GITHUB_SHA") ?? environment("CI_COMMIT_SHA") ?? environment("BUILD_SOURCEVERSION") ?? string.Empty,
            "branch" => environment("GITHUB_REF_NAME") ?? environment("CI_COMMIT_BRANCH") ?? environment("BUILD_SOURCEBRANCHNAME") ?? string.Empty,
            "tag" => environment("CI_COMMIT_TAG") ?? string.Empty,
            _ => "{" + name + "}",
        };
    }

    [GeneratedRegex(@"\{([A-Za-z]+(?::[^}]*)?)\}")]
    private static partial Regex Variable();
}
