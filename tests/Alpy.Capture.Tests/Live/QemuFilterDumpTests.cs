namespace Alpy.Capture.Tests.Live;

/// <summary>The lab's own capture writer: QEMU's filter-dump, read while it writes, as tcpdump reads it.</summary>
public sealed class QemuFilterDumpTests
{
    [Fact]
    public async Task Given_QEMU_dumping_a_link_When_frames_cross_it_Then_the_capture_file_follows_them_and_reads_as_tcpdump_reads_it()
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
        CaptureWindow all = capture.Read();
        IReadOnlyList<string> tcpdump = await Tcpdump.ReadLinesAsync(link.DumpFile, cancellationToken: cancellationToken);
        var formatter = new TcpdumpFormatter();
        List<string> lines = all.Select(formatter.Format).ToList();
        var different = FrameCorpus.All.Where(frame => !frame.SameTextAsTcpdump).Select(frame => Convert.ToHexString(frame.Bytes)).ToHashSet();
        List<int> comparable = Enumerable.Range(0, all.Count).Where(i => !different.Contains(Convert.ToHexString(all[i].Data.Span))).ToList();
        tcpdump.Should().HaveCount(all.Count);
        comparable.Select(i => lines[i]).Should().Equal(comparable.Select(i => tcpdump[i]));
        (await link.Sink.ReceiveAsync(cancellationToken)).Buffer.Should().Equal(before[0], "QEMU forwards what it dumps");
    }
}
