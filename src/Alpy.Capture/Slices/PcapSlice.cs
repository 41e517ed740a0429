using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Alpy.Capture;

/// <summary>
/// Writes kept frames as a pcap of their own with SharpPcap's <see cref="CaptureFileWriterDevice"/> (libpcap's
/// pcap_dump): the timestamps and the captured and wire lengths as they were, so that tcpdump and Wireshark show the
/// frames exactly as in the capture they came from. Microsecond pcap when every time is whole microseconds (QEMU's
/// filter-dump writes those), nanosecond pcap otherwise.
/// </summary>
internal static class PcapSlice
{
    /// <summary>libpcap's largest snapshot length: every frame libpcap could read fits.</summary>
    private const int SnapLength = 262_144;

    public static void Write(string path, IReadOnlyList<Frame> frames)
    {
        LinkLayers linkType = frames.Count > 0 ? frames[0].LinkType : LinkLayers.Ethernet;
        using var writer = new CaptureFileWriterDevice(path, FileMode.Create);
        try
        {
            TimestampResolution resolution = frames.All(frame => frame.TimestampNanoseconds % 1000 == 0) ? TimestampResolution.Microsecond : TimestampResolution.Nanosecond;
            writer.Open(new DeviceConfiguration { LinkLayerType = linkType, Snaplen = SnapLength, TimestampResolution = resolution });
        }
        catch (PcapException e)
        {
            throw new CaptureException($"Cannot write the frames to {path}: libpcap says \"{e.Message}\". Check that the folder exists and is writable.", e);
        }
        catch (DllNotFoundException e)
        {
            throw LibpcapLoading.Missing(e);
        }

        foreach (Frame frame in frames)
        {
            long seconds = Math.DivRem(frame.TimestampNanoseconds, 1_000_000_000, out long nanoseconds);
            var header = new PcapHeader(0, 0, (uint)frame.OriginalLength, (uint)frame.Data.Length)
            {
                Timeval = new PosixTimeval((ulong)seconds, (ulong)nanoseconds, TimestampResolution.Nanosecond),
            };
            writer.Write(frame.Data.Span, ref header);
        }
    }
}
