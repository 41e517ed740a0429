namespace Alpy.Reports.Messages;

/// <summary>
/// A Cucumber Messages stream cannot be used: missing, empty, corrupt, or not a message stream.
/// The message names the file (and line), the problem, and what to do about it.
/// </summary>
public sealed class MessageStreamException : Exception
{
    public MessageStreamException(string path, int? line, string problem, string fix, Exception? innerException = null)
        : base(Format(path, line, problem, fix), innerException)
    {
        Path = path;
        Line = line;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>The stream's file path as given by the caller.</summary>
    public string Path { get; }

    /// <summary>The 1-based line the problem is on, when it is on one line.</summary>
    public int? Line { get; }

    public string Problem { get; }

    public string Fix { get; }

    private static string Format(string path, int? line, string problem, string fix) =>
        line is { } l ? $"{path}:{l}: {problem} {fix}" : $"{path}: {problem} {fix}";
}
