using System.Runtime.InteropServices;

namespace Alpy.Capture;

/// <summary>
/// A tcpdump filter expression (<c>tcp dst port 88</c>, <c>icmp[icmptype] == icmp-echo</c>, <c>vlan 10 and udp</c>),
/// compiled and run by libpcap exactly as tcpdump runs it on a file. Compiled for Ethernet when created, so a
/// bad expression fails at once with libpcap's message; other link types are compiled when first met.
/// Thread-safe. Dispose to free the compiled programs early (the finalizer frees them otherwise).
/// </summary>
public sealed class CaptureFilter : IDisposable
{
    private readonly BpfProgram _ethernet;
    private readonly Dictionary<LinkType, BpfProgram> _others = [];
    private readonly Lock _lock = new();

    /// <exception cref="CaptureFilterException">libpcap rejects the expression, or libpcap is not installed.</exception>
    public CaptureFilter(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        _ethernet = BpfProgram.Compile(expression, LinkType.Ethernet);
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The libpcap in use, e.g. "libpcap version 1.10.3 (with TPACKET_V3)".</summary>
    public static unsafe string LibpcapVersion
    {
        get
        {
            try
            {
                return Marshal.PtrToStringUTF8((nint)Libpcap.LibraryVersion()) ?? "unknown";
            }
            catch (DllNotFoundException exception)
            {
                throw new CaptureFilterException(string.Empty, Libpcap.NotFoundAdvice, exception);
            }
        }
    }

    public bool Matches(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Matches(frame.LinkType, frame.Data.Span, frame.OriginalLength);
    }

    public bool Matches(in CaptureRecord record) => Matches(record.LinkType, record.Data.Span, record.OriginalLength);

    /// <summary>Whether frame bytes of the given link type pass the filter.</summary>
    /// <exception cref="CaptureFilterException">The expression is not valid for this link type.</exception>
    public bool Matches(LinkType linkType, ReadOnlySpan<byte> data, int originalLength) =>
        ProgramFor(linkType).Matches(data, originalLength);

    public override string ToString() => Expression;

    public void Dispose()
    {
        _ethernet.Dispose();
        lock (_lock)
        {
            foreach (BpfProgram program in _others.Values)
            {
                program.Dispose();
            }

            _others.Clear();
        }
    }

    private BpfProgram ProgramFor(LinkType linkType)
    {
        if (linkType == LinkType.Ethernet)
        {
            return _ethernet;
        }

        lock (_lock)
        {
            if (!_others.TryGetValue(linkType, out BpfProgram? program))
            {
                program = BpfProgram.Compile(Expression, linkType);
                _others[linkType] = program;
            }

            return program;
        }
    }
}
