using System.Reflection;
using System.Runtime.InteropServices;

namespace Alpy.Capture;

/// <summary>
/// The few libpcap functions this library calls: compile a filter expression without a capture device
/// (pcap_open_dead + pcap_compile) and run the compiled program on a frame (pcap_offline_filter). Blittable
/// signatures only, so calls need no marshalling. Debian's libpcap0.8 ships only the versioned file name,
/// hence the resolver.
/// </summary>
internal static unsafe partial class Libpcap
{
    public const uint NetmaskUnknown = 0xFFFF_FFFF;

    private const string Library = "libpcap";

    /// <summary>Names tried in order: Debian/Ubuntu, other Linux distributions, a -dev install, macOS.</summary>
    private static readonly string[] Candidates = ["libpcap.so.0.8", "libpcap.so.1", "libpcap.so", "libpcap.dylib", "libpcap.A.dylib"];

    static Libpcap() => NativeLibrary.SetDllImportResolver(typeof(Libpcap).Assembly, Resolve);

    public static string NotFoundAdvice =>
        $"libpcap could not be loaded (tried {string.Join(", ", Candidates)}). Install it: on Debian/Ubuntu " +
        "`apt-get install libpcap0.8` (scripts/install-prerequisites does), on Fedora `dnf install libpcap`.";

    [LibraryImport(Library, EntryPoint = "pcap_open_dead")]
    public static partial nint OpenDead(int linkType, int snapLength);

    [LibraryImport(Library, EntryPoint = "pcap_compile")]
    public static partial int Compile(nint pcap, NativeProgram* program, byte* expression, int optimize, uint netmask);

    [LibraryImport(Library, EntryPoint = "pcap_geterr")]
    public static partial byte* GetError(nint pcap);

    [LibraryImport(Library, EntryPoint = "pcap_freecode")]
    public static partial void FreeCode(NativeProgram* program);

    [LibraryImport(Library, EntryPoint = "pcap_close")]
    public static partial void Close(nint pcap);

    /// <summary>Runs a compiled program on one frame: non-zero when it matches. Pure computation, so no GC transition is needed.</summary>
    [LibraryImport(Library, EntryPoint = "pcap_offline_filter")]
    [SuppressGCTransition]
    public static partial int OfflineFilter(NativeProgram* program, PacketHeader* header, byte* data);

    [LibraryImport(Library, EntryPoint = "pcap_lib_version")]
    public static partial byte* LibraryVersion();

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return 0;
        }

        foreach (string candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out nint handle))
            {
                return handle;
            }
        }

        return 0;
    }

    /// <summary>struct bpf_program.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct NativeProgram
    {
        public uint Length;
        public Instruction* Instructions;
    }

    /// <summary>struct bpf_insn.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Instruction
    {
        public ushort Code;
        public byte JumpTrue;
        public byte JumpFalse;
        public uint Constant;
    }

    /// <summary>struct pcap_pkthdr (a struct timeval of two C longs, then the lengths).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PacketHeader
    {
        public nint Seconds;
        public nint Microseconds;
        public uint CapturedLength;
        public uint OriginalLength;
    }
}
