using System.Text;
using System.Text.Json.Nodes;
using Alpy.Reports.Attachments;
using Alpy.Reports.Messages;
using Alpy.Reports.Tests.Support;
using Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Tests.Attachments;

public sealed class AttachmentExternalizerTests : IDisposable
{
    private static readonly AttachmentPolicy SmallLimits = new() { InlineLimitBytes = 1024, InlineTextLimitBytes = 2048, TextExcerptChars = 256 };
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_a_pcap_over_the_limit_When_processed_Then_it_becomes_a_file_in_the_run_folder_and_the_attachment_points_to_it()
    {
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var pcap = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var envelope = Attachment(Convert.ToBase64String(pcap), "BASE64", "application/vnd.tcpdump.pcap", "link0.pcap");

        var (published, link, moved) = await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        link.Should().BeNull();
        published.Attachment.Body.Should().BeEmpty();
        published.Attachment.Url.Should().Be("artifacts/attachments/0001-link0.pcap");
        published.Attachment.TestStepId.Should().Be("step-1", "the attachment still belongs to its step");
        moved.Should().Be(5000);
        (await File.ReadAllBytesAsync(_temp.File("run/artifacts/attachments/0001-link0.pcap"), TestContext.Current.CancellationToken)).Should().Equal(pcap);
    }

    [Fact]
    public async Task Given_evidence_under_the_limit_When_processed_Then_it_stays_inline_untouched()
    {
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var envelope = Attachment(Convert.ToBase64String(new byte[100]), "BASE64", "application/vnd.tcpdump.pcap", "tiny.pcap");
        var (published, link, moved) = await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        published.Should().BeSameAs(envelope.Envelope);
        link.Should().BeNull();
        moved.Should().BeNull();
        Directory.Exists(_temp.File("run/artifacts")).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_long_console_log_When_processed_Then_an_excerpt_stays_with_a_link_to_the_whole_file()
    {
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var log = string.Join("\n", Enumerable.Range(1, 1000).Select(i => $"console line {i}"));
        var envelope = Attachment(log, "IDENTITY", "text/plain", "console.log");

        var (published, link, moved) = await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        var excerpt = published.Attachment.Body;
        excerpt.Should().StartWith("console line 1\n").And.EndWith("console line 1000");
        excerpt.Should().Contain("the middle is not shown here. Whole text: artifacts/attachments/0001-console.log");
        excerpt.Length.Should().BeLessThan(1000);
        link!.Attachment.MediaType.Should().Be("text/uri-list");
        link.Attachment.Body.Should().Be("artifacts/attachments/0001-console.log");
        link.Attachment.TestCaseStartedId.Should().Be("tcs-1", "the link belongs to the same step");
        moved.Should().Be(Encoding.UTF8.GetByteCount(log));
        (await File.ReadAllTextAsync(_temp.File("run/artifacts/attachments/0001-console.log"), TestContext.Current.CancellationToken)).Should().Be(log);
    }

    [Fact]
    public async Task Given_an_attachment_pointing_to_a_file_beside_the_stream_When_processed_Then_the_file_is_gathered_into_the_run_folder()
    {
        await File.WriteAllBytesAsync(_temp.File("link1.pcap"), new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var envelope = Attachment("", "IDENTITY", "application/vnd.tcpdump.pcap", "link1.pcap", url: "link1.pcap");

        var (published, _, moved) = await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        published.Attachment.Url.Should().Be("artifacts/attachments/0001-link1.pcap");
        moved.Should().Be(3);
        File.Exists(_temp.File("run/artifacts/attachments/0001-link1.pcap")).Should().BeTrue();
    }

    [Fact]
    public async Task Given_an_attachment_pointing_outside_the_report_folders_When_processed_Then_nothing_is_copied_and_a_warning_says_why()
    {
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var envelope = Attachment("", "IDENTITY", "text/plain", "passwd", url: "file:///etc/passwd");

        var (published, _, _) = await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        published.Attachment.Url.Should().Be("file:///etc/passwd");
        externalizer.FilesWritten.Should().Be(0);
        externalizer.Warnings.Should().ContainSingle().Which.Should().Contain("/etc/passwd").And.Contain("not copied");
    }

    [Fact]
    public async Task Given_an_attachment_pointing_to_a_missing_file_When_processed_Then_a_warning_names_it()
    {
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var envelope = Attachment("", "IDENTITY", "application/vnd.tcpdump.pcap", "gone.pcap", url: "gone.pcap");

        await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        externalizer.Warnings.Should().ContainSingle().Which.Should().Contain("gone.pcap").And.Contain("does not exist").And.Contain("line 42");
    }

    [Fact]
    public async Task Given_a_body_that_claims_base64_but_is_not_When_processed_Then_it_stays_inline_with_a_warning()
    {
        var externalizer = new AttachmentExternalizer(_temp.File("run"), SmallLimits);
        var envelope = Attachment(new string('!', 5000), "BASE64", "application/octet-stream", "x.bin");

        var (published, _, _) = await externalizer.ProcessAsync(envelope, _temp.Path, TestContext.Current.CancellationToken);

        published.Attachment.Url.Should().BeNull();
        externalizer.Warnings.Should().ContainSingle().Which.Should().Contain("not base64");
    }

    [Fact]
    public void Given_a_policy_with_a_folder_outside_the_run_When_validated_Then_it_is_refused()
    {
        var act = () => new AttachmentExternalizer(_temp.Path, AttachmentPolicy.Default with { Folder = "../elsewhere" });

        act.Should().Throw<ArgumentException>().WithMessage("*inside the run folder*");
    }

    private static StreamEnvelope Attachment(string body, string encoding, string mediaType, string fileName, string? url = null) => new(Json.Envelope(new JsonObject
    {
        ["attachment"] = new JsonObject
        {
            ["testCaseStartedId"] = "tcs-1",
            ["testStepId"] = "step-1",
            ["body"] = body,
            ["contentEncoding"] = encoding,
            ["mediaType"] = mediaType,
            ["fileName"] = fileName,
            ["url"] = url,
            ["timestamp"] = new JsonObject { ["seconds"] = 1, ["nanos"] = 0 },
        },
    }), 42);
}
