using System.Buffers.Binary;
using static Alpy.Capture.Tests.FrameBuilder;

namespace Alpy.Capture.Tests.Live;

/// <summary>
/// The lab's own capture writer, QEMU's filter-dump, read while it writes: every frame once, in order, as tcpdump
/// reads it; and cut into consecutive segments while frames stream through, every frame in exactly one segment.
/// </summary>
public sealed class QemuFilterDumpTests
{
    [Fact]
    public async Task Given_QEMU_dumping_a_link_When_frames_cross_it_Then_the_capture_file_follows_them_and_prints_as_tcpdump_prints_it()
    {
        // Given
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        await using QemuDumpLink link = await QemuDumpLink.StartAsync(directory.File("link1.pcap"), cancellationToken);
        var capture = new CaptureFile(link.DumpFile, new CaptureFileOptions { Name = "link1" });
        byte[][] before = [.. FrameCorpus.All.Take(10).Select(frame => frame.Bytes)];
        byte[][] after = [.. FrameCorpus.All.Skip(10).Where(frame => frame.Bytes.Length >= 14).Select(frame => frame.Bytes)];
        foreach (byte[] frame in before)
        {
            await link.SendAsync(frame, cancellationToken);
        }

        await capture.WaitForFramesAsync("", before.Length, CaptureMark.Start, TimeSpan.FromSeconds(10), cancellationToken);
        CaptureMark mark = capture.Mark();

        // When
        foreach (byte[] frame in after)
        {
            await link.SendAsync(frame, cancellationToken);
        }

        CaptureWindow window = await capture.WaitForFramesAsync("", after.Length, mark, TimeSpan.FromSeconds(10), cancellationToken);

        // Then
        mark.FramesBefore.Should().Be(before.Length);
        window.Select(frame => frame.Data.ToArray()).Should().BeEquivalentTo(after, options => options.WithStrictOrdering());
        window[0].Number.Should().Be(before.Length + 1);
        capture.Read().ToText().Should().Be(await Tcpdump.PrintAsync(link.DumpFile, cancellationToken));
        (await link.Sink.ReceiveAsync(cancellationToken)).Buffer.Should().Equal(before[0], "QEMU forwards what it dumps");
    }

    [Fact]
    public async Task Given_QEMU_writing_a_stream_of_frames_When_read_on_from_each_end_while_it_writes_Then_every_frame_is_read_once_in_order_without_error()
    {
        // Given
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        await using QemuDumpLink link = await QemuDumpLink.StartAsync(directory.File("link1.pcap"), cancellationToken);
        var capture = new CaptureFile(link.DumpFile);
        Task sending = SendNumberedAsync(link, Count, cancellationToken);

        // When: reading as fast as it goes, each look from where the last one ended, until QEMU has written everything
        var read = new List<Frame>();
        int looks = 0;
        CaptureMark since = CaptureMark.Start;
        do
        {
            CaptureWindow window = capture.ReadSince(since);
            read.AddRange(window);
            since = window.End;
            looks++;
        }
        while (!sending.IsCompleted || await GrowsAsync(link.DumpFile, cancellationToken));

        await sending;
        read.AddRange(capture.ReadSince(since));

        // Then: what was read while QEMU wrote is what the finished file holds, as read in one pass and by tcpdump
        List<Frame> written = [.. CaptureWindow.Load(link.DumpFile)];
        (await Tcpdump.ReadLinesAsync(link.DumpFile, cancellationToken: cancellationToken)).Should().HaveCount(written.Count);
        written.Should().HaveCountGreaterThan(Count / 2, "QEMU dumps what reaches it (a loopback socket may drop a few datagrams under load)");
        read.Select(Sequence).Should().Equal(written.Select(Sequence));
        read.Select(frame => frame.Number).Should().Equal(Enumerable.Range(1, written.Count).Select(n => (long)n));
        looks.Should().BeGreaterThan(10, "the file was read many times while QEMU appended to it");
        TestContext.Current.SendDiagnosticMessage($"{written.Count} of {Count} frames read in {looks} looks while QEMU wrote them");
    }

    [Fact]
    public async Task Given_QEMU_writing_a_stream_of_frames_When_segments_begin_and_end_meanwhile_Then_every_frame_is_in_exactly_one_segment()
    {
        // Given
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        await using QemuDumpLink link = await QemuDumpLink.StartAsync(directory.File("link1.pcap"), cancellationToken);
        var capture = new CaptureFile(link.DumpFile);
        var segments = new CaptureSegments(capture);
        Task sending = SendNumberedAsync(link, Count, cancellationToken);

        // When: scenarios come and go while frames stream through, some ending themselves, some ended as the next begins
        var ended = new List<CaptureSegment>();
        CaptureSegment current = segments.Begin();
        for (int i = 0; !sending.IsCompleted || await GrowsAsync(link.DumpFile, cancellationToken); i++)
        {
            await Task.Delay(i % 5, cancellationToken);
            if (i % 3 != 0)
            {
                current.End();
            }

            ended.Add(current);
            current = segments.Begin();
        }

        await sending;
        current.End();
        ended.Add(current);
        List<CaptureWindow> windows = [.. ended.Select(segment => segment.Read())];

        // Then: together the segments hold every frame written since the first began, each once, in order
        List<Frame> written = [.. CaptureWindow.Load(link.DumpFile).Where(frame => frame.Number > windows[0].Start.FramesBefore)];
        List<Frame> segmented = [.. windows.SelectMany(window => window)];
        written.Should().HaveCountGreaterThan(Count / 2);
        segmented.Select(Sequence).Should().Equal(written.Select(Sequence), "each frame is in exactly one segment, and the segments follow one another");
        windows.Zip(windows.Skip(1)).Should().OnlyContain(pair => pair.Second.Start.Offset == pair.First.End.Offset, "each segment begins where the previous one ended");
        windows.Count(window => window.Count > 0).Should().BeGreaterThan(5, "frames were written while segments changed");
        TestContext.Current.SendDiagnosticMessage($"{written.Count} of {Count} frames in {windows.Count} segments");
    }

    private const int Count = 3000;

    /// <summary>UDP frames whose payload starts with their sequence number (sizes vary), sent in bursts of 20.</summary>
    private static async Task SendNumberedAsync(QemuDumpLink link, int count, CancellationToken cancellationToken)
    {
        for (int sequence = 0; sequence < count; sequence++)
        {
            byte[] payload = new byte[4 + (sequence % 7 * 150)];
            BinaryPrimitives.WriteInt32BigEndian(payload, sequence);
            await link.SendAsync(Ethernet(0x0800, Ipv4("10.77.0.1", "10.77.0.2", 17, Udp("10.77.0.1", "10.77.0.2", 40000, 7777, payload))), cancellationToken);
            if (sequence % 20 == 19)
            {
                await Task.Delay(1, cancellationToken);
            }
        }
    }

    /// <summary>Whether QEMU is still appending: the file grows within 100 ms.</summary>
    private static async Task<bool> GrowsAsync(string file, CancellationToken cancellationToken)
    {
        long before = new FileInfo(file).Length;
        await Task.Delay(100, cancellationToken);
        return new FileInfo(file).Length > before;
    }

    private static int Sequence(Frame frame) => BinaryPrimitives.ReadInt32BigEndian(frame.Data.Span[(14 + 20 + 8)..]);
}
