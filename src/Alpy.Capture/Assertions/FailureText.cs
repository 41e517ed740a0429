namespace Alpy.Capture;

/// <summary>Builds the parts of failure messages that show what a capture held, safe to hand to FluentAssertions' FailWith.</summary>
internal static class FailureText
{
    /// <summary>Frames listed at most in a failure message.</summary>
    public const int MaxLines = 12;

    /// <summary>"It held N frame(s):" and an indented tcpdump excerpt.</summary>
    public static string Contents(CaptureWindow window) =>
        window.Count == 0
            ? " It held no frames at all."
            : $" It held {window.Count} frame(s):\n{window.Excerpt(MaxLines, indent: "  ")}";

    /// <summary>An indented tcpdump excerpt of some frames of a window (numbered as in the capture).</summary>
    public static string Lines(CaptureWindow window, IReadOnlyList<Frame> frames) =>
        new CaptureWindow(window.Name, window.Path, frames, window.Start, window.End, string.Empty).Excerpt(MaxLines, indent: "  ");

    /// <summary>FluentAssertions formats messages with string.Format: literal braces (TCP SACK blocks print them) must be doubled.</summary>
    public static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
