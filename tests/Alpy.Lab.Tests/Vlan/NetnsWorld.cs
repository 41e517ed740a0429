using System.Diagnostics;
using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Vlan;

/// <summary>
/// Network namespaces made by a test, all named with one unique prefix and deleted (with every
/// process started in them) on dispose, also when the test fails. Nothing is routed outside them.
/// </summary>
internal sealed class NetnsWorld : IAsyncDisposable
{
    private readonly List<string> _namespaces = [];
    private readonly List<Process> _processes = [];

    public string Prefix { get; } = "alpyt" + Guid.NewGuid().ToString("N")[..5];

    public async Task<string> AddAsync(string suffix)
    {
        var name = Prefix + suffix;
        (await HostCommand.RunAsync("ip", "netns", "add", name)).EnsureSuccess($"ip netns add {name}");
        _namespaces.Add(name);
        return name;
    }

    public static async Task IpAsync(string netns, params string[] args) =>
        (await HostCommand.RunAsync("ip", ["-n", netns, .. args])).EnsureSuccess($"ip -n {netns} {string.Join(' ', args)}");

    public static Task<HostCommand.Result> ExecAsync(string netns, params string[] argv) =>
        HostCommand.RunAsync("ip", ["netns", "exec", netns, .. argv]);

    public Process Start(string netns, params string[] argv)
    {
        var process = HostCommand.Start("ip", ["netns", "exec", netns, .. argv]);
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
        }
        foreach (var name in _namespaces)
            await HostCommand.RunAsync("ip", "netns", "delete", name);
    }
}
