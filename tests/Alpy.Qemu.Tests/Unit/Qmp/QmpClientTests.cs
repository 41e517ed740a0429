using System.Diagnostics;
using System.Text.Json.Nodes;
using Alpy.Qemu.Qmp;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit.Qmp;

public sealed class QmpClientTests : IAsyncLifetime
{
    private SocketPair _pair = null!;
    private FakeQmpServer _qemu = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _pair = await SocketPair.CreateAsync(Cancellation);
        _qemu = new FakeQmpServer(_pair.Server);
    }

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    private async Task<QmpClient> ConnectAsync(QmpClientOptions? options = null)
    {
        var connecting = QmpClient.AttachAsync(_pair.Client, options, cancellationToken: Cancellation);
        await _qemu.HandshakeAsync();
        return await connecting;
    }

    [Fact]
    public async Task Given_a_qemu_greeting_When_connecting_Then_capabilities_are_negotiated_and_the_version_is_known()
    {
        await using var qmp = await ConnectAsync();

        qmp.Version.Should().Be(new QmpVersion(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18"));
        qmp.Version.ToString().Should().Be("7.2.22 (Debian 1:7.2+dfsg-7+deb12u18)");
    }

    [Fact]
    public async Task Given_query_status_When_qemu_answers_Then_the_typed_status_is_returned()
    {
        await using var qmp = await ConnectAsync();

        var status = qmp.QueryStatusAsync(Cancellation);
        var (execute, id, _) = await _qemu.ReceiveAsync();
        await _qemu.SendAsync(FakeQmpServer.Return(id, """{"status": "running", "singlestep": false, "running": true}"""));

        execute.Should().Be("query-status");
        (await status).Should().Be(new QmpStatus(true, "running"));
    }

    [Fact]
    public async Task Given_two_commands_When_answers_come_in_reverse_order_between_events_Then_each_gets_its_own_by_id()
    {
        await using var qmp = await ConnectAsync();
        var events = new List<string>();
        qmp.EventReceived += (_, e) => events.Add(e.Name);

        var first = qmp.ExecuteAsync("query-name", cancellationToken: Cancellation);
        var (_, firstId, _) = await _qemu.ReceiveAsync();
        var second = qmp.ExecuteAsync("query-kvm", cancellationToken: Cancellation);
        var (_, secondId, _) = await _qemu.ReceiveAsync();
        await _qemu.SendRawAsync(
            FakeQmpServer.Event("RESUME") + "\r\n" +
            FakeQmpServer.Return(secondId, """{"enabled": false, "present": true}""") + "\r\n" +
            FakeQmpServer.Event("NIC_RX_FILTER_CHANGED", """{"path": "/machine/peripheral-anon/device[0]"}""") + "\r\n" +
            FakeQmpServer.Return(firstId, """{"name": "alpy-1"}""") + "\r\n");

        (await first).GetProperty("name").GetString().Should().Be("alpy-1");
        (await second).GetProperty("present").GetBoolean().Should().BeTrue();
        events.Should().Equal("RESUME", "NIC_RX_FILTER_CHANGED");
        qmp.RecentEvents.Select(e => e.Name).Should().Equal("RESUME", "NIC_RX_FILTER_CHANGED");
    }

    [Fact]
    public async Task Given_arguments_When_a_command_is_sent_Then_they_travel_as_a_json_object()
    {
        await using var qmp = await ConnectAsync();

        var running = qmp.ExecuteAsync("human-monitor-command", new JsonObject { ["command-line"] = "info \"pci\"" }, cancellationToken: Cancellation);
        var (_, id, arguments) = await _qemu.ReceiveAsync();
        await _qemu.SendAsync(FakeQmpServer.Return(id, "\"ok\""));
        await running;

        arguments!["command-line"]!.GetValue<string>().Should().Be("info \"pci\"");
    }

    [Fact]
    public async Task Given_qemu_refuses_a_command_When_executed_Then_the_exception_carries_class_and_desc()
    {
        await using var qmp = await ConnectAsync();

        var running = qmp.ExecuteAsync("device_del", new JsonObject { ["id"] = "nope" }, cancellationToken: Cancellation);
        var (_, id, _) = await _qemu.ReceiveAsync();
        await _qemu.SendAsync(FakeQmpServer.Error(id, "DeviceNotFound", "Device 'nope' not found"));

        var error = (await FluentActions.Awaiting(() => running).Should().ThrowAsync<QmpException>()).Which;
        error.ErrorClass.Should().Be("DeviceNotFound");
        error.Description.Should().Be("Device 'nope' not found");
        error.Message.Should().Contain("device_del").And.Contain("Device 'nope' not found");
    }

    [Fact]
    public async Task Given_an_event_wait_registered_before_the_command_When_the_event_follows_at_once_Then_it_is_not_missed()
    {
        await using var qmp = await ConnectAsync();

        var shutdown = qmp.WaitForEventAsync("SHUTDOWN", cancellationToken: Cancellation);
        var quitting = qmp.QuitAsync(Cancellation);
        var (execute, id, _) = await _qemu.ReceiveAsync();
        await _qemu.SendRawAsync(FakeQmpServer.Return(id) + "\r\n" + FakeQmpServer.Event("SHUTDOWN", """{"guest": false, "reason": "host-qmp-quit"}""") + "\r\n");
        _pair.Server.Close();

        execute.Should().Be("quit");
        await quitting;
        var received = await shutdown;
        received.Data.GetProperty("reason").GetString().Should().Be("host-qmp-quit");
        received.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddMilliseconds(250));
    }

    [Fact]
    public async Task Given_qemu_exits_before_answering_quit_When_quitting_Then_that_counts_as_success()
    {
        await using var qmp = await ConnectAsync();

        var quitting = qmp.QuitAsync(Cancellation);
        await _qemu.ReceiveAsync();
        _pair.Server.Close();

        await quitting;
    }

    [Fact]
    public async Task Given_the_connection_ends_When_a_command_is_pending_Then_it_fails_at_once_with_a_closed_error()
    {
        await using var qmp = await ConnectAsync(new QmpClientOptions { DefaultTimeout = TimeSpan.FromSeconds(30) });
        var started = Stopwatch.StartNew();

        var running = qmp.QueryStatusAsync(Cancellation);
        await _qemu.ReceiveAsync();
        _pair.Server.Close();

        await FluentActions.Awaiting(() => running).Should().ThrowAsync<QmpClosedException>().WithMessage("*closed while running `query-status`*");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        await FluentActions.Awaiting(() => qmp.QueryStatusAsync(Cancellation)).Should().ThrowAsync<QmpClosedException>();
    }

    [Fact]
    public async Task Given_a_closed_connection_When_an_event_wait_starts_Then_it_fails_at_once_instead_of_at_its_timeout()
    {
        await using var qmp = await ConnectAsync();
        _pair.Server.Close();
        await qmp.Closed.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        var waiting = () => qmp.WaitForEventAsync("SHUTDOWN", TimeSpan.FromSeconds(30), Cancellation);

        (await waiting.Should().ThrowAsync<QmpClosedException>().WithMessage("*closed while waiting for the SHUTDOWN event*"))
            .Which.Should().NotBeOfType<QmpTimeoutException>();
    }

    [Fact]
    public async Task Given_qemu_never_answers_When_the_timeout_passes_Then_a_timeout_error_names_the_command()
    {
        await using var qmp = await ConnectAsync();

        var running = () => qmp.ExecuteAsync("query-status", timeout: TimeSpan.FromMilliseconds(200), cancellationToken: Cancellation);

        (await running.Should().ThrowAsync<QmpTimeoutException>()).Which.Message.Should().Contain("did not answer `query-status` within 0.2 s");
    }

    [Fact]
    public async Task Given_a_garbage_line_When_it_arrives_Then_it_is_skipped_and_later_answers_still_arrive()
    {
        await using var qmp = await ConnectAsync();

        var running = qmp.ExecuteAsync("query-name", cancellationToken: Cancellation);
        var (_, id, _) = await _qemu.ReceiveAsync();
        await _qemu.SendAsync("this is not json");
        await _qemu.SendAsync(FakeQmpServer.Return(id, """{"name": "x"}"""));

        (await running).GetProperty("name").GetString().Should().Be("x");
    }

    [Fact]
    public async Task Given_a_peer_that_does_not_greet_When_connecting_Then_the_error_says_it_may_not_be_qmp()
    {
        var connecting = () => QmpClient.AttachAsync(_pair.Client, new QmpClientOptions { DefaultTimeout = TimeSpan.FromMilliseconds(200) }, cancellationToken: Cancellation);

        await connecting.Should().ThrowAsync<QmpTimeoutException>().WithMessage("*no QMP greeting*-qmp socket*");
    }

    [Fact]
    public async Task Given_no_such_event_When_waited_for_Then_the_timeout_error_names_the_event()
    {
        await using var qmp = await ConnectAsync();

        var waiting = () => qmp.WaitForEventAsync("POWERDOWN", TimeSpan.FromMilliseconds(100), Cancellation);

        await waiting.Should().ThrowAsync<QmpTimeoutException>().WithMessage("*no POWERDOWN event*");
    }
}
