using System.Runtime.InteropServices;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Alpy.Capture;

/// <summary>
/// A tcpdump filter expression (<c>tcp dst port 88</c>, <c>icmp[icmptype] == icmp-echo</c>, <c>vlan 10 and udp</c>),
/// compiled by libpcap through SharpPcap's <see cref="BpfProgram"/> and run on kept frames with
/// <c>pcap_offline_filter</c>, so it selects exactly what <c>tcpdump -r FILE EXPR</c> selects. Compiled for Ethernet
/// when created, so that a bad expression fails at once with libpcap's message; other link types are compiled
/// when first met. Thread-safe. Dispose to free the compiled programs early.
/// </summary>
public sealed class CaptureFilter : IDisposable
{
    /// <summary>Longer expressions are refused before they reach libpcap.</summary>
    public const int MaxExpressionLength = 8192;

    private readonly Dictionary<LinkLayers, BpfProgram> _programs = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <exception cref="CaptureFilterException">The expression is not valid BPF, or would make libpcap look a name up through DNS.</exception>
    /// <exception cref="CaptureException">libpcap cannot be loaded.</exception>
    public CaptureFilter(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxExpressionLength || expression.Contains('\0', StringComparison.Ordinal))
        {
            throw new CaptureFilterException(expression, $"Invalid capture filter: the expression is longer than {MaxExpressionLength} characters or contains a NUL character; write a tcpdump filter expression such as \"tcp dst port 88\".");
        }

        FilterNameGuard.Check(expression);
        Expression = expression;
        _programs[LinkLayers.Ethernet] = Compile(expression, LinkLayers.Ethernet);
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The libpcap SharpPcap loaded, e.g. "libpcap version 1.10.3 (with TPACKET_V3)".</summary>
    public static string LibpcapVersion => Pcap.Version;

    /// <summary>Whether the frame passes the filter, as tcpdump decides it (with the frame's captured and wire lengths).</summary>
    /// <exception cref="CaptureFilterException">The expression is not valid for the frame's link type.</exception>
    public bool Matches(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Matches(frame.LinkType, frame.Data.Span, frame.OriginalLength);
    }

    /// <summary>Whether a whole frame of <paramref name="linkType"/> (Ethernet unless said) passes the filter.</summary>
    /// <exception cref="CaptureFilterException">The expression is not valid for that link type.</exception>
    public bool Matches(ReadOnlySpan<byte> frame, LinkLayers linkType = LinkLayers.Ethernet) => Matches(linkType, frame, frame.Length);

    private unsafe bool Matches(LinkLayers linkType, ReadOnlySpan<byte> data, int originalLength)
    {
        BpfProgram program = ProgramFor(linkType);
        var header = new PcapHeader(0, 0, (uint)originalLength, (uint)data.Length);
        nint headerMemory = header.MarshalToIntPtr(TimestampResolution.Microsecond);
        try
        {
            fixed (byte* bytes = data)
            {
                return program.Matches(headerMemory, (nint)bytes);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(headerMemory);
        }
    }

    public override string ToString() => Expression;

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (BpfProgram program in _programs.Values)
            {
                program.Dispose();
            }

            _programs.Clear();
        }
    }

    private static BpfProgram Compile(string expression, LinkLayers linkType)
    {
        try
        {
            return BpfProgram.Create(linkType, expression);
        }
        catch (PcapException e)
        {
            throw new CaptureFilterException(
                expression,
                $"Invalid capture filter \"{expression}\" for {linkType} frames: libpcap says \"{e.Message}\". " +
                "Write a tcpdump filter expression (man 7 pcap-filter), e.g. \"tcp dst port 88\", \"icmp[icmptype] == icmp-echo\" or \"vlan 10 and udp\".",
                e);
        }
        catch (DllNotFoundException e)
        {
            throw LibpcapLoading.Missing(e);
        }
    }

    private BpfProgram ProgramFor(LinkLayers linkType)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_programs.TryGetValue(linkType, out BpfProgram? program))
            {
                program = Compile(Expression, linkType);
                _programs[linkType] = program;
            }

            return program;
        }
    }
}
