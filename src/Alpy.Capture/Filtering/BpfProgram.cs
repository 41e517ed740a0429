using System.Runtime.InteropServices;
using System.Text;

namespace Alpy.Capture;

/// <summary>
/// A filter compiled by libpcap for one link type. The instructions are copied into memory this handle owns,
/// so libpcap's own copy is freed at once and nothing of libpcap stays referenced between calls.
/// </summary>
internal sealed unsafe class BpfProgram : SafeHandle
{
    /// <summary>Longer expressions are refused before they reach libpcap.</summary>
    public const int MaxExpressionLength = 8192;

    private const int SnapLength = 262_144;
    private static readonly Lock CompileLock = new();
    private static readonly byte[] Empty = [0];

    public BpfProgram()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Compiles <paramref name="expression"/> as tcpdump would for a capture of <paramref name="linkType"/>.</summary>
    public static BpfProgram Compile(string expression, LinkType linkType)
    {
        if (expression.Length > MaxExpressionLength || expression.Contains('\0', StringComparison.Ordinal))
        {
            throw new CaptureFilterException(expression, $"Invalid capture filter: the expression is longer than {MaxExpressionLength} characters or contains a NUL character; write a tcpdump filter expression such as \"tcp dst port 88\".");
        }

        FilterNameGuard.Check(expression);
        byte[] text = Encoding.UTF8.GetBytes(expression + "\0");
        try
        {
            // libpcap's parser kept global state in older releases; one compilation at a time costs nothing here.
            lock (CompileLock)
            {
                return CompileLocked(expression, text, linkType);
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new CaptureFilterException(expression, Libpcap.NotFoundAdvice, exception);
        }
    }

    /// <summary>Whether the frame passes the filter (libpcap's pcap_offline_filter).</summary>
    public bool Matches(ReadOnlySpan<byte> frame, int originalLength)
    {
        bool added = false;
        try
        {
            DangerousAddRef(ref added);
            var header = new Libpcap.PacketHeader { CapturedLength = (uint)frame.Length, OriginalLength = (uint)Math.Max(originalLength, frame.Length) };
            fixed (byte* data = frame.IsEmpty ? Empty : frame)
            {
                return Libpcap.OfflineFilter((Libpcap.NativeProgram*)handle, &header, data) != 0;
            }
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }

    private static BpfProgram CompileLocked(string expression, byte[] text, LinkType linkType)
    {
        nint pcap = Libpcap.OpenDead(ToDataLinkType(linkType), SnapLength);
        if (pcap == 0)
        {
            throw new CaptureFilterException(expression, $"libpcap could not prepare a compiler for {Describe(linkType)}.");
        }

        try
        {
            Libpcap.NativeProgram compiled;
            fixed (byte* source = text)
            {
                if (Libpcap.Compile(pcap, &compiled, source, optimize: 1, Libpcap.NetmaskUnknown) != 0)
                {
                    string reason = Marshal.PtrToStringUTF8((nint)Libpcap.GetError(pcap)) ?? "unknown error";
                    throw new CaptureFilterException(
                        expression,
                        $"Invalid capture filter \"{expression}\" for {Describe(linkType)}: libpcap says \"{reason}\". " +
                        "Write a tcpdump filter expression (man 7 pcap-filter), e.g. \"tcp dst port 88\", \"icmp[icmptype] == icmp-echo\" or \"vlan 10 and udp\".");
                }
            }

            try
            {
                return Copy(compiled);
            }
            finally
            {
                Libpcap.FreeCode(&compiled);
            }
        }
        finally
        {
            Libpcap.Close(pcap);
        }
    }

    private static BpfProgram Copy(Libpcap.NativeProgram compiled)
    {
        nuint instructions = (nuint)compiled.Length * (nuint)sizeof(Libpcap.Instruction);
        var block = (Libpcap.NativeProgram*)NativeMemory.Alloc((nuint)sizeof(Libpcap.NativeProgram) + instructions);
        block->Length = compiled.Length;
        block->Instructions = (Libpcap.Instruction*)(block + 1);
        Buffer.MemoryCopy(compiled.Instructions, block->Instructions, instructions, instructions);
        var program = new BpfProgram();
        program.SetHandle((nint)block);
        return program;
    }

    private static string Describe(LinkType linkType) =>
        Enum.IsDefined(linkType) ? $"{linkType} frames" : $"frames of link type {(int)linkType}";

    /// <summary>pcap_open_dead takes a DLT_ value; they equal the LINKTYPE_ values except for raw IP.</summary>
    private static int ToDataLinkType(LinkType linkType) => linkType == LinkType.Raw ? 12 : (int)linkType;
}
