using System.Globalization;
using Alpy.Capture;
using Alpy.Specs.Steps.Labs;

namespace Alpy.Specs.Steps.Frames;

/// <summary>
/// Checks a link's frames since the scenario started against a <see cref="FrameQuery"/>. Expected frames are
/// waited for (up to the frame timeout, since a frame may reach the pcap a moment after the client finished);
/// "no frame" and "at most" look once. Failures list the link's frames as tcpdump prints them.
/// </summary>
public static class CaptureCheck
{
    /// <exception cref="VerdictException">The link did not carry what was expected; the message shows what it carried.</exception>
    /// <exception cref="Values.StepValueException">The filter is not valid BPF.</exception>
    public static async Task AssertAsync(ScenarioCaptures captures, int link, FrameQuery query, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(query);
        CheckFilter(query);
        if (query.Quantity.ExpectsFrames)
        {
            try
            {
                await captures.File(link).WaitForFramesAsync(query.Filter, query.Quantity.Count, captures.Mark(link), timeout, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (CaptureTimeoutException)
            {
                // Not enough arrived: the check below says what did.
            }
        }

        var window = captures.Window(link);
        var matching = window.Matching(query.Filter);
        if (query.Quantity.IsMetBy(matching.Count))
            return;
        throw new VerdictException(Message(link, query, window, matching));
    }

    private static string Message(int link, FrameQuery query, CaptureWindow window, CaptureWindow matching)
    {
        var expected = string.Create(CultureInfo.InvariantCulture,
            $"Expected link {link} to carry {query.Description} since the scenario started ({query.Quantity} frame(s) matching the filter \"{query.Filter}\")");
        var seen = matching.Count == 0
            ? $"but it carried none. Its {window.Count} frame(s) since the scenario started ({window.Extent}), as tcpdump -# -n -e -r prints them:\n{Excerpt(window)}"
            : string.Create(CultureInfo.InvariantCulture, $"but it carried {matching.Count} ({matching.Extent}), as tcpdump -# -n -e -r prints them:\n{Excerpt(matching)}");
        return $"{expected}, {seen}";
    }

    private static string Excerpt(CaptureWindow window) => window.Count == 0 ? "  (none)" : window.Excerpt(30, indent: "  ").TrimEnd();

    private static void CheckFilter(FrameQuery query)
    {
        try
        {
            using var filter = new CaptureFilter(query.Filter);
        }
        catch (CaptureFilterException e)
        {
            throw new Values.StepValueException($"\"{Values.StepValueException.Shown(query.Filter)}\" is not a tcpdump filter libpcap accepts: {e.Message}", e);
        }
    }
}
