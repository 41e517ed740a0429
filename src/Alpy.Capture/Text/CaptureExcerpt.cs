using System.Text;

namespace Alpy.Capture;

/// <summary>
/// A few tcpdump-style lines that say what a capture held, for failure messages and step attachments: the
/// first and last lines when there are many (the scenario's own traffic is usually at the end).
/// </summary>
internal static class CaptureExcerpt
{
    public static string Format(IReadOnlyList<Frame> frames, int maxLines, TcpdumpFormatOptions options, string indent)
    {
        if (frames.Count == 0)
        {
            return indent + "(no frames)";
        }

        // Every frame goes through the formatter so that relative TCP numbers come out as in the full listing.
        var formatter = new TcpdumpFormatter(options);
        int head = frames.Count <= maxLines ? frames.Count : (maxLines + 1) / 2;
        int tailStart = frames.Count <= maxLines ? frames.Count : frames.Count - (maxLines / 2);
        var text = new StringBuilder();
        for (int i = 0; i < frames.Count; i++)
        {
            string line = formatter.Format(frames[i]);
            if (i < head || i >= tailStart)
            {
                text.Append(indent).Append(line).Append('\n');
            }
            else if (i == head)
            {
                text.Append(indent).Append("... ").Append(tailStart - head).Append(" more frame(s) ...\n");
            }
        }

        return text.ToString(0, text.Length - 1);
    }
}
