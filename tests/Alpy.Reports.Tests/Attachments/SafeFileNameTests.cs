using Alpy.Reports.Attachments;

namespace Alpy.Reports.Tests.Attachments;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("link0.pcap", "application/vnd.tcpdump.pcap", "0003-link0.pcap")]
    [InlineData("../../etc/passwd", "text/plain", "0003-passwd")]
    [InlineData("..\\..\\windows\\system.ini", "text/plain", "0003-system.ini")]
    [InlineData(".hidden", "text/plain", "0003-hidden")]
    [InlineData("console log (node 1).txt", "text/plain", "0003-console_log__node_1_.txt")]
    [InlineData(null, "application/vnd.tcpdump.pcap", "0003-attachment.pcap")]
    [InlineData("", "text/x.cucumber.log+plain", "0003-attachment.log")]
    [InlineData(null, "application/x-unknown", "0003-attachment.bin")]
    [InlineData("/", "image/png", "0003-attachment.png")]
    public void Given_a_name_from_the_stream_When_made_safe_Then_it_is_a_plain_name_inside_the_folder(string? name, string mediaType, string expected) =>
        SafeFileName.For(3, name, mediaType).Should().Be(expected);

    [Fact]
    public void Given_a_very_long_name_When_made_safe_Then_it_is_bounded_and_keeps_its_extension()
    {
        var safe = SafeFileName.For(1, new string('a', 500) + ".pcap", "application/vnd.tcpdump.pcap");

        safe.Length.Should().BeLessThanOrEqualTo(85);
        safe.Should().EndWith(".pcap");
    }
}
