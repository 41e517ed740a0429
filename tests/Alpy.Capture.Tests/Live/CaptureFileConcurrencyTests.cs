using Microsoft.Extensions.Logging;
using PacketDotNet;

namespace Alpy.Capture.Tests.Live;

/// <summary>A capture file shared by threads and by a writer that starts late or starts over.</summary>
public sealed class CaptureFileConcurrencyTests
{
    private static readonly byte[] Ping = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo request").Bytes;

    [Fact]
    public void Given_a_file_created_but_not_yet_written_When_read_Then_it_holds_no_frames_rather_than_an_error()
    {
        using var directory = new TempDirectory();
        string path = directory.File("link.pcap");
        File.WriteAllBytes(path, []);
        var capture = new CaptureFile(path);

        capture.Read().Should().BeEmpty();
        File.WriteAllBytes(path, new PcapBuilder().ToArray()[..10]);
        capture.Read().Should().BeEmpty("half a file header is a header still being written");
        capture.Mark().Offset.Should().Be(0);
    }

    [Fact]
    public async Task Given_threads_marking_and_reading_while_a_writer_appends_When_they_finish_Then_marks_only_move_forward_and_windows_hold_whole_frames()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        using var done = new CancellationTokenSource();
        Task writing = Task.Run(
            async () =>
            {
                for (int i = 0; i < 300; i++)
                {
                    byte[] rest = writer.AppendPartial(Ping, 20);
                    await Task.Yield();
                    writer.Raw(rest);
                }

                await done.CancelAsync();
            },
            cancellationToken);

        // When
        Task<List<long>>[] readers = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(
            () =>
            {
                var marks = new List<long>();
                while (!done.IsCancellationRequested)
                {
                    CaptureMark mark = capture.Mark();
                    marks.Add(mark.FramesBefore);
                    capture.ReadSince(mark).Should().NotContain(frame => frame.Packet.Extract<IcmpV4Packet>() == null || frame.Number <= mark.FramesBefore);
                }

                return marks;
            },
            cancellationToken))];
        await writing;
        List<long>[] seen = await Task.WhenAll(readers);

        // Then
        seen.Should().OnlyContain(marks => marks.SequenceEqual(marks.Order()));
        capture.Read().Should().HaveCount(300);
    }

    [Fact]
    public void Given_a_file_that_starts_over_When_read_Then_a_warning_says_so()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap")).Append(Ping, Ping);
        var logger = new ListLogger<CaptureFile>();
        var capture = new CaptureFile(writer.Path, new CaptureFileOptions { Name = "link1" }, logger);
        capture.Mark();
        writer.Recreate();

        capture.Read();

        logger.Entries.Should().Contain(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("link1", StringComparison.Ordinal) && entry.Message.Contains("truncated or recreated", StringComparison.Ordinal));
    }
}
