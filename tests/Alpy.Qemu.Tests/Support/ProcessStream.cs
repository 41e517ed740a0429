using System.Diagnostics;

namespace Alpy.Qemu.Tests.Support;

/// <summary>A real program's stdin and stdout as one duplex stream (reads: its stdout and stderr merged by the
/// program itself via 2&gt;&amp;1; writes: its stdin), to run the console's command framing against a real shell.</summary>
public sealed class ProcessStream : Stream
{
    private readonly Process _process;

    private ProcessStream(Process process)
    {
        _process = process;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Starts <c>sh -c 'exec sh -i 2&gt;&amp;1'</c>: an interactive POSIX shell (as on a console: a syntax error does
    /// not end it) reading commands from stdin.</summary>
    public static ProcessStream StartShell()
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec sh -i 2>&1");
        return new ProcessStream(Process.Start(start)!);
    }

    public override int Read(byte[] buffer, int offset, int count) => _process.StandardOutput.BaseStream.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _process.StandardOutput.BaseStream.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _process.StandardInput.BaseStream.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _process.StandardInput.BaseStream.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _process.StandardInput.BaseStream.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _process.StandardInput.BaseStream.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.WaitForExit();
            _process.Dispose();
        }

        base.Dispose(disposing);
    }
}
