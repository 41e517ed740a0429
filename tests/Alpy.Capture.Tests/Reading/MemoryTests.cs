namespace Alpy.Capture.Tests.Reading;

/// <summary>Streaming reads in constant memory: no allocation per frame on the read, decode and filter path.</summary>
public sealed class MemoryTests
{
    [Fact]
    public void Given_a_large_capture_When_streamed_decoded_and_filtered_Then_allocations_do_not_grow_with_the_number_of_frames()
    {
        // Given: 200,000 frames of the corpus, about 25 MB
        using var directory = new TempDirectory();
        string file = directory.File("large.pcap");
        using (PcapWriter writer = PcapWriter.Create(file))
        {
            for (int i = 0; i < 200_000; i++)
            {
                CorpusFrame frame = FrameCorpus.All[i % FrameCorpus.All.Count];
                writer.Write(CorpusFile.StartNanoseconds + i, frame.Bytes, frame.OriginalLength ?? frame.Bytes.Length);
            }
        }

        using var filter = new CaptureFilter("tcp or udp");
        long small = Allocated(file, filter, 2_000, out _);

        // When
        long large = Allocated(file, filter, int.MaxValue, out long touched);

        // Then
        touched.Should().BeGreaterThan(0);
        (large - small).Should().BeLessThan(64 * 1024, "reading 198,000 more frames allocates nothing per frame");
    }

    /// <summary>Bytes allocated reading up to <paramref name="limit"/> frames, decoding each and running the filter.</summary>
    private static long Allocated(string file, CaptureFilter filter, int limit, out long touched)
    {
        touched = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        using (CaptureReader reader = CaptureReader.Open(file))
        {
            for (int i = 0; i < limit && reader.TryRead(out CaptureRecord record); i++)
            {
                var packet = Packet.Decode(record.LinkType, record.Data, record.OriginalLength);
                touched += (packet.DestinationPort ?? 0) + (packet.Tcp?.Window ?? 0) + (filter.Matches(record) ? 1 : 0);
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
