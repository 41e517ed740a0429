namespace Alpy.Capture;

/// <summary>Builds the parts of failure messages that show what a capture held, safe to hand to FluentAssertions' FailWith.</summary>
internal static class FailureText
{
    /// <summary>Frames listed at most in a failure message.</summary>
    public const int MaxFrames = 12;

    /// <summary>"It held N frame(s), as tcpdump prints them:" and an indented excerpt of tcpdump's text.</summary>
    public static string Contents(CaptureWindow window) =>
        window.Count == 0
            ? " It held no frames at all."
            : $" It held {window.Count} frame(s), as tcpdump {Tcpdump.Options} prints them:\n{Listing(window)}";

    /// <summary>tcpdump's text for some frames of a window (numbered from 1 within them), indented.</summary>
    public static string Lines(CaptureWindow window, IReadOnlyList<Frame> frames) =>
        Listing(new CaptureWindow(window.Name, window.Path, frames, window.Start, window.End, string.Empty));

    /// <summary>FluentAssertions formats messages with string.Format: literal braces (tcpdump prints some) must be doubled.</summary>
    public static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    /// <summary>The excerpt, or why there is none: a failure message must not turn into a tcpdump error.</summary>
    private static string Listing(CaptureWindow window)
    {
        try
        {
            return window.Excerpt(MaxFrames, indent: "  ");
        }
        catch (CaptureException e)
        {
            return $"  (tcpdump could not print them: {e.Message})";
        }
    }
}
