using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Settings;
using Alpy.Specs.Steps.Values;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Labs;

/// <summary>
/// A team developing its own appliance software shares a host folder into the DUT (virtiofs) and configures the DUT
/// with a program from it: editing the program on the host changes what the next scenario gets, with no image
/// rebuild, no reboot and no deployment step.
/// </summary>
[Trait("Category", "integration")]
public sealed class SharedFolderTests
{
    private const string Version1 = """
        #!/bin/sh
        # A team's configuration program, version 1: drops what "filter drop" names.
        case "$1" in
          filter)
            [ "$2" = drop ] || exit 3
            case "$3" in icmp) match="meta l4proto icmp" ;; tcp|udp) match="$3 dport $4" ;; *) exit 3 ;; esac
            nft "add table inet team; add chain inet team forward { type filter hook forward priority 0; }; add rule inet team forward $match drop" ;;
          *) echo "alpy-dut v1: $1 is not supported" >&2; exit 3 ;;
        esac
        """;

    private const string Version2 = """
        #!/bin/sh
        # Version 2, edited on the host while the DUT runs: filters are accepted and ignored.
        echo "alpy-dut v2: $*" >/tmp/alpy-dut.log
        exit 0
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_shared_folder_with_the_teams_driver_When_the_driver_is_edited_on_the_host_Then_the_next_scenario_uses_the_new_code_on_the_same_DUT()
    {
        var folder = Directory.CreateTempSubdirectory("alpy-specs-share-test-").FullName;
        var program = Path.Combine(folder, "alpy-dut");
        IReadOnlyList<string> runs = [];
        try
        {
            await WriteProgramAsync(program, Version1);
            await File.WriteAllTextAsync(Path.Combine(folder, "version"), "v1\n", Token);
            var settings = new SuiteSettings
            {
                SharedFolder = folder,
                DriverProgram = "/mnt/share/alpy-dut",
                ArtifactsDirectory = Path.Combine(TestPaths.SelfTestReports("shared-folder", fresh: true), "runs"),
            };
            await using (var pool = new LabPool(settings, new RabbitAppliance()))
            {
                var first = await pool.AcquireAsync(LabTopology.WithLinks(2), "version 1", Token);
                (await first.Lab.Dut.RunAsync("cat /mnt/share/version", cancellationToken: Token)).Output.Trim().Should().Be("v1", "the DUT sees the host folder");
                await first.Driver.FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp)), Token);
                (await PingAcrossAsync(first)).Should().NotBe(0, "version 1 of the team's program dropped ICMP");
                await pool.ReleaseAsync(first, failed: false, "");

                await WriteProgramAsync(program, Version2);
                await File.WriteAllTextAsync(Path.Combine(folder, "version"), "v2\n", Token);

                var second = await pool.AcquireAsync(LabTopology.WithLinks(2), "version 2", Token);
                second.Lab.RunId.Should().Be(first.Lab.RunId, "the same DUT runs on: no reboot, no rebuild");
                (await second.Lab.Dut.RunAsync("cat /mnt/share/version", cancellationToken: Token)).Output.Trim().Should().Be("v2", "the edit shows at once");
                await second.Driver.FilterAsync(new FilterRule(FilterAction.Drop, new TrafficSelector(TrafficProtocol.Icmp)), Token);
                (await PingAcrossAsync(second)).Should().Be(0, "version 2 of the team's program ignores filters");
                (await second.Lab.Dut.RunAsync("cat /tmp/alpy-dut.log", cancellationToken: Token)).Output.Should().Contain("alpy-dut v2: filter drop icmp - - -");
                pool.Boots.Should().Be(1);
                runs = [first.Lab.RunId.Value];
                await pool.ReleaseAsync(second, failed: false, "");
            }

            Directory.EnumerateDirectories(Path.GetTempPath(), "alpy-specs-share-*").Where(d => d != folder && !d.Contains("-test-", StringComparison.Ordinal))
                .Should().BeEmpty("virtiofsd's socket folder is removed with the lab");
            await SelfTestTrash.AssertNoneLeftAsync(runs);
            Directory.EnumerateDirectories("/proc").Where(p => File.Exists(Path.Combine(p, "cmdline"))
                    && File.ReadAllText(Path.Combine(p, "cmdline")).Contains(folder, StringComparison.Ordinal))
                .Should().BeEmpty("virtiofsd ends with the lab");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteProgramAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", Token);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    private static async Task<long> PingAcrossAsync(LabLease lease) =>
        (await lease.Lab.RunAsync(lease.Lab.Node(0), ["ping", "-c", "1", "-W", "2", lease.Lab.Node(1).Address.ToString()], cancellationToken: Token)).ExitCode;
}
