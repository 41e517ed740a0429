using System.Text;

namespace Alpy.Capture;

/// <summary>
/// A few frames of tcpdump's text that say what a capture held, for failure messages and evidence: every frame
/// when there are few, else the first and the last ones (a scenario's own traffic is often at the end). A frame's
/// text is its line and tcpdump's tab-indented continuation lines, if any.
/// </summary>
internal static class CaptureExcerpt
{
    public static string Format(string tcpdumpText, int maxFrames, string indent)
    {
        List<string> frames = Frames(tcpdumpText);
        if (frames.Count == 0)
        {
            return indent + "(no frames)";
        }

        int head = frames.Count <= maxFrames ? frames.Count : (maxFrames + 1) / 2;
        int tailStart = frames.Count <= maxFrames ? frames.Count : frames.Count - (maxFrames / 2);
        var text = new StringBuilder();
        for (int i = 0; i < frames.Count; i++)
        {
            if (i < head || i >= tailStart)
            {
                foreach (string line in frames[i].Split('\n'))
                {
                    text.Append(indent).Append(line).Append('\n');
                }
            }
            else if (i == head)
            {
                text.Append(indent).Append("... ").Append(tailStart - head).Append(" more frame(s) ...\n");
            }
        }

        return text.ToString(0, text.Length - 1);
    }

    private static List<string> Frames(string text)
    {
        var frames = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '\t' && frames.Count > 0)
            {
                frames[^1] += "\n" + line;
            }
            else
            {
                frames.Add(line);
            }
        }

        return frames;
    }
}
