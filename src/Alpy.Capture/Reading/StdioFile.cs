using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Alpy.Capture;

/// <summary>
/// A C stdio stream (<c>FILE*</c>) for SharpPcap's <c>CaptureHandleReaderDevice</c>. libpcap reads a capture
/// record by record from it; between records this class tells where the stream stands and moves it. That is what
/// reading on from a mark and following a file that is still being written need, and what SharpPcap lacks:
/// libpcap offers no seek, and its <c>pcap_open_offline</c> hides the stream, whose end-of-file flag glibc keeps
/// set once reached (so new data would never be read). Once a device is opened on the stream, libpcap owns it
/// and closes it; before that, this handle closes it.
/// </summary>
internal sealed partial class StdioFile : SafeHandleZeroOrMinusOneIsInvalid
{
    private const int SeekSet = 0;

    public StdioFile()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <exception cref="IOException">The file cannot be opened; the message says why (errno).</exception>
    public static StdioFile Open(string path)
    {
        StdioFile file = Fopen(path, "rb");
        if (file.IsInvalid)
        {
            string reason = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            file.Dispose();
            throw new IOException($"{path} cannot be opened: {reason}.");
        }

        return file;
    }

    /// <summary>The byte offset where the next read begins.</summary>
    public long Position => Ftello(this);

    /// <summary>Moves to <paramref name="offset"/>; also clears the end-of-file flag, so that data appended since is read.</summary>
    public void Seek(long offset)
    {
        if (Fseeko(this, offset, SeekSet) != 0)
        {
            throw new IOException($"Cannot move to byte {offset}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
        }
    }

    protected override bool ReleaseHandle() => Fclose(handle) == 0;

    [LibraryImport("libc", EntryPoint = "fopen", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial StdioFile Fopen(string path, string mode);

    [LibraryImport("libc", EntryPoint = "ftello")]
    private static partial long Ftello(StdioFile file);

    [LibraryImport("libc", EntryPoint = "fseeko", SetLastError = true)]
    private static partial int Fseeko(StdioFile file, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "fclose")]
    private static partial int Fclose(nint file);
}
