namespace Alpy.Capture.Tests;

/// <summary>How a finished helper process ended.</summary>
internal sealed record ProcessResult(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{string.Join(' ', Arguments)}` exited with {ExitCode}.\nstderr: {StandardError.Trim()}\nstdout: {Tail(StandardOutput)}");
        }

        return this;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "..." + text[^2000..].Trim();
}
