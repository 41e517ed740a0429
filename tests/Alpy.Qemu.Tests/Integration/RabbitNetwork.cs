using Alpy.Qemu.Serial;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Integration;

/// <summary>
/// Rabbit with two links, wired without Docker: taps made by the test, opened by QEMU (filter-dump to a pcap
/// per link), then moved into two network namespaces made by the test and addressed there. Node 0 is
/// 192.168.0.2 and fd00:0::2 behind Rabbit's eth0; node 1 is 192.168.1.2, 192.168.1.3 (a second backend)
/// and fd00:1::2 behind eth1; VLAN 10 on link 0 is 192.168.10.0/24. The namespaces reach nothing but Rabbit.
/// </summary>
public sealed class RabbitNetwork(RabbitImage rabbit) : IAsyncLifetime
{
    public const string Plan = "rabbit.addr=192.168.0.1/24+fd00:0::1/64,192.168.1.1/24+fd00:1::1/64 rabbit.vlan=0.10=192.168.10.1/24";
    private readonly TestNetwork _network = new();
    private readonly TempDirectory _run = TempDirectory.Create();
    private QemuMachine? _machine;

    public QemuMachine Machine => _machine ?? throw new InvalidOperationException("Rabbit did not boot.");

    public SerialConsole Console => Machine.Console;

    public string Node0 { get; private set; } = string.Empty;

    public string Node1 { get; private set; } = string.Empty;

    public string Tap0 { get; private set; } = string.Empty;

    public string Link0Pcap => _run.File("link0.pcap");

    public string Link1Pcap => _run.File("link1.pcap");

    public string DutMac0 => QemuNic.MacFor(_network.Prefix, 0);

    public async ValueTask InitializeAsync()
    {
        Tap0 = await _network.CreateTapAsync(0);
        var tap1 = await _network.CreateTapAsync(1);
        var nics = new[]
        {
            new QemuNic(Tap0, QemuNic.MacFor(_network.Prefix, 0)) { CaptureFile = Link0Pcap },
            new QemuNic(tap1, QemuNic.MacFor(_network.Prefix, 1)) { CaptureFile = Link1Pcap },
        };
        var options = Rabbit.Options(rabbit.Image, _run.Path, Plan, nics);

        // QEMU has opened the taps once it answers on QMP; only then may they move into the namespaces.
        _machine = await QemuMachine.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);
        Node0 = await _network.CreateNamespaceAsync(0);
        Node1 = await _network.CreateNamespaceAsync(1);
        await TestNetwork.AttachAsync(Tap0, Node0, ["192.168.0.2/24"], "192.168.0.1");
        await TestNetwork.AttachAsync(tap1, Node1, ["192.168.1.2/24", "192.168.1.3/24"], "192.168.1.1");
        foreach (var (ns, tap, address, gateway) in new[] { (Node0, Tap0, "fd00:0::2/64", "fd00:0::1"), (Node1, tap1, "fd00:1::2/64", "fd00:1::1") })
        {
            await Command.RunCheckedAsync(["ip", "-n", ns, "addr", "add", address, "dev", tap, "nodad"]);
            await Command.RunCheckedAsync(["ip", "-n", ns, "-6", "route", "add", "default", "via", gateway]);
        }

        await rabbit.Image.Readiness.WaitAsync(Console, Rabbit.BootTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Restores Rabbit's baseline, as the lab does between scenarios.</summary>
    public async Task ResetAsync() =>
        (await Console.RunAsync("rabbit-reset", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).EnsureSuccess();

    /// <summary>Runs a DUT command that must succeed.</summary>
    public async Task<string> DutAsync(string command) =>
        (await Console.RunAsync(command, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).EnsureSuccess().Output;

    /// <summary>Pings from a node; returns busybox ping's exit code and output.</summary>
    public static Task<CommandOutput> PingAsync(string node, string target, int count = 1, string interval = "1") =>
        TestNetwork.ExecAsync(node, "busybox", "ping", "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", interval, "-W", "3", target);

    /// <summary>Connects from a node with socat and returns what the server said (exit code, output).</summary>
    public static Task<CommandOutput> ConnectAsync(string node, string target, int port) =>
        TestNetwork.ExecAsync(node, "socat", "-T", "5", "-", $"TCP:{target}:{port},connect-timeout=5");

    /// <summary>A TCP server in a node that answers each connection with the output of <paramref name="shellAnswer"/>
    /// (socat's SYSTEM, so $SOCAT_PEERADDR and $SOCAT_SOCKADDR are at hand).</summary>
    public static async Task<BackgroundProcess> ServeAsync(string node, int port, string shellAnswer)
    {
        var server = BackgroundProcess.Start("ip", "netns", "exec", node, "socat", $"TCP-LISTEN:{port},reuseaddr,fork", $"SYSTEM:{shellAnswer}");
        for (var i = 0; i < 100; i++)
        {
            var listening = await TestNetwork.ExecAsync(node, "ss", "-Htln", $"sport = :{port}");
            if (listening.Stdout.Contains("LISTEN", StringComparison.Ordinal))
            {
                return server;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        server.Dispose();
        throw new InvalidOperationException($"socat did not listen on port {port} in {node} within 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_machine is not null)
        {
            await _machine.DisposeAsync();
        }

        await _network.DisposeAsync();
        (await _network.LeftoversAsync()).Should().BeEmpty("taps and namespaces of the test are removed");
        _run.Dispose();
    }
}
