namespace Alpy.Capture.Tests.Reading;

/// <summary>
/// A machine without libpcap: SharpPcap then fails with a DllNotFoundException about "wpcap" (its Windows name); the
/// library turns it into advice naming the files SharpPcap looks for and the package to install. Proven by running
/// this test again in a private mount namespace in which the libpcap this process loaded reads as an empty file.
/// </summary>
public sealed class LibpcapMissingTests
{
    private const string HiddenVariable = "ALPY_CAPTURE_TEST_LIBPCAP_HIDDEN";

    [Fact(Timeout = 180_000)]
    public async Task Given_a_machine_without_libpcap_When_a_capture_is_read_or_a_filter_compiled_Then_the_error_says_what_to_install()
    {
        if (Environment.GetEnvironmentVariable(HiddenVariable) == "1")
        {
            AssertAdviceWithoutLibpcap();
            return;
        }

        // Given: the libpcap this process loaded, hidden from a copy of this test behind an empty file
        _ = CaptureFilter.LibpcapVersion;
        string library = File.ReadLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
            .First(path => Path.GetFileName(path).StartsWith("libpcap.so", StringComparison.Ordinal));
        string assembly = typeof(LibpcapMissingTests).Assembly.Location;
        string test = $"{typeof(LibpcapMissingTests).FullName}.{nameof(Given_a_machine_without_libpcap_When_a_capture_is_read_or_a_filter_compiled_Then_the_error_says_what_to_install)}";

        // When
        ProcessResult run = await ProcessRunner.RunAsync(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", "mount --bind /dev/null \"$1\" && exec dotnet \"$2\" -method \"$3\"", "hide-libpcap", library, assembly, test],
            TimeSpan.FromSeconds(150),
            new Dictionary<string, string> { [HiddenVariable] = "1" },
            cancellationToken: TestContext.Current.CancellationToken);

        // Then
        run.EnsureSuccess().StandardOutput.Should().Contain("Total: 1, Errors: 0, Failed: 0", $"the test passed without libpcap ({library} hidden)");
    }

    private static void AssertAdviceWithoutLibpcap()
    {
        using var directory = new TempDirectory();
        string file = new PcapBuilder().Record(0, FrameCorpus.All[0].Bytes).WriteTo(directory.File("link.pcap"));

        Action read = () => CaptureWindow.Load(file);
        Action compile = () => _ = new CaptureFilter("tcp");

        foreach (Action action in new[] { read, compile })
        {
            action.Should().Throw<CaptureException>()
                .WithMessage("libpcap could not be loaded: SharpPcap looks for libpcap.so, libpcap.so.0, libpcap.so.0.8, libpcap.so.1 *Debian/Ubuntu `apt-get install libpcap0.8`*Fedora/RHEL `dnf install libpcap`*")
                .WithInnerException<DllNotFoundException>();
        }
    }
}
