namespace Alpy.Capture.Tests.Comparison;

/// <summary>
/// One capture of real traffic, made once for the comparison tests: tcpdump -w on side B of fresh namespaces
/// while <see cref="TrafficScript"/> runs. Namespaces, processes and files are removed afterwards.
/// </summary>
public sealed class RealTrafficCapture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private NetnsPair? _pair;

    public string File => _directory.File("traffic.pcap");

    public string NanosecondFile => _directory.File("traffic-ns.pcap");

    public async ValueTask InitializeAsync()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        _pair = await NetnsPair.CreateAsync(cancellationToken);
        await using WireCapture capture = await WireCapture.StartAsync(_pair, File, cancellationToken);
        await using WireCapture nanosecond = await WireCapture.StartAsync(_pair, NanosecondFile, cancellationToken, "--time-stamp-precision=nano");
        await TrafficScript.RunAsync(_pair, cancellationToken);
        await capture.StopAsync();
        await nanosecond.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_pair is not null)
        {
            await _pair.DisposeAsync();
        }

        _directory.Dispose();
    }
}
