using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Alpy.Qemu.Tests.Support;

/// <summary>
/// A raw AF_PACKET socket bound to one interface inside a network namespace: sends hand-built Ethernet frames
/// (e.g. 802.1Q-tagged ones, which this host cannot make with a VLAN interface: no 8021q) and receives what
/// arrives. The socket is created by a thread that enters the namespace (setns) for that moment only, so the
/// test process itself never leaves the host's namespace.
/// </summary>
public sealed partial class PacketSocket : IDisposable
{
    private const int AfPacket = 17;
    private const int SockRaw = 3;
    private const ushort EthPAll = 0x0003;
    private const int CloneNewNet = 0x40000000;
    private const int SolSocket = 1;
    private const int SoRcvTimeo = 20;
    private readonly int _fd;

    private PacketSocket(int fd)
    {
        _fd = fd;
    }

    /// <summary>Opens a packet socket on <paramref name="interfaceName"/> in namespace <paramref name="netns"/> (a name
    /// under /run/netns, as made by <c>ip netns add</c>).</summary>
    public static PacketSocket Open(string netns, string interfaceName)
    {
        int fd = -1;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                fd = OpenInNamespace(netns, interfaceName);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? new PacketSocket(fd) : throw failure;
    }

    public void Send(byte[] frame)
    {
        if (send(_fd, frame, frame.Length, 0) != frame.Length)
        {
            throw new IOException($"send on the packet socket failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Receives frames until one satisfies <paramref name="wanted"/> or <paramref name="timeout"/> passes (null then).</summary>
    public byte[]? ReceiveUntil(Func<byte[], bool> wanted, TimeSpan timeout)
    {
        var buffer = new byte[2048];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var read = recv(_fd, buffer, buffer.Length, 0);
            if (read <= 0)
            {
                continue; // SO_RCVTIMEO expired (EAGAIN): check the clock
            }

            var frame = buffer.AsSpan(0, (int)read).ToArray();
            if (wanted(frame))
            {
                return frame;
            }
        }

        return null;
    }

    public void Dispose() => _ = close(_fd);

    private static int OpenInNamespace(string netns, string interfaceName)
    {
        using var home = File.OpenHandle("/proc/thread-self/ns/net");
        using var target = File.OpenHandle($"/run/netns/{netns}");
        Check(setns((int)target.DangerousGetHandle(), CloneNewNet), $"setns into {netns}");
        try
        {
            var fd = socket(AfPacket, SockRaw, Htons(EthPAll));
            Check(fd, "socket(AF_PACKET)");
            var index = if_nametoindex(interfaceName);
            if (index == 0)
            {
                _ = close(fd);
                throw new IOException($"no interface {interfaceName} in {netns}");
            }

            var address = new SockAddrLl { Family = AfPacket, Protocol = Htons(EthPAll), IfIndex = (int)index };
            Check(bind(fd, ref address, Marshal.SizeOf<SockAddrLl>()), "bind");
            var timeout = new TimeVal { Seconds = 0, Microseconds = 200_000 };
            Check(setsockopt(fd, SolSocket, SoRcvTimeo, ref timeout, Marshal.SizeOf<TimeVal>()), "SO_RCVTIMEO");
            return fd;
        }
        finally
        {
            Check(setns((int)home.DangerousGetHandle(), CloneNewNet), "setns back home");
        }
    }

    private static ushort Htons(ushort value) => (ushort)(value << 8 | value >> 8);

    private static void Check(int result, string what)
    {
        if (result < 0)
        {
            throw new IOException($"{what} failed: errno {Marshal.GetLastPInvokeError()} (needs root)");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SockAddrLl
    {
        public ushort Family;
        public ushort Protocol;
        public int IfIndex;
        public ushort HaType;
        public byte PktType;
        public byte HaLen;
        public ulong Address;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setns(int fd, int nstype);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int bind(int fd, ref SockAddrLl address, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsockopt(int fd, int level, int name, ref TimeVal value, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint send(int fd, byte[] buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(int fd, byte[] buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint if_nametoindex(string name);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
