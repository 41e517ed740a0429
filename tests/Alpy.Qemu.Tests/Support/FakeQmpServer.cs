using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpy.Qemu.Tests.Support;

/// <summary>Plays QEMU's side of QMP for unit tests: the test reads what the client sent and writes exactly the
/// bytes QEMU would (greeting, answers, events), split however it likes.</summary>
public sealed class FakeQmpServer(Stream stream)
{
    public const string Greeting =
        """{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7+deb12u18"}, "capabilities": ["oob"]}}""";

    private readonly StreamReader _reader = new(stream, Encoding.UTF8, false, 1024, leaveOpen: true);

    public Task SendAsync(string text) => SendRawAsync(text + "\r\n");

    public async Task SendRawAsync(string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), TestContext.Current.CancellationToken);
        await stream.FlushAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Reads the client's next command.</summary>
    public async Task<(string Execute, long Id, JsonNode? Arguments)> ReceiveAsync()
    {
        var line = await _reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? throw new EndOfStreamException("The client closed QMP.");
        var message = JsonNode.Parse(line)!.AsObject();
        return (message["execute"]!.GetValue<string>(), message["id"]!.GetValue<long>(), message["arguments"]);
    }

    /// <summary>Greets and answers qmp_capabilities, as QEMU does when a client connects.</summary>
    public async Task HandshakeAsync()
    {
        await SendAsync(Greeting);
        var (execute, id, _) = await ReceiveAsync();
        execute.Should().Be("qmp_capabilities");
        await SendAsync($$"""{"return": {}, "id": {{id}}}""");
    }

    public static string Event(string name, string data = "{}") =>
        $$"""{"timestamp": {"seconds": 1700000000, "microseconds": 250000}, "event": "{{name}}", "data": {{data}}}""";

    public static string Return(long id, string value = "{}") => $$"""{"return": {{value}}, "id": {{id}}}""";

    public static string Error(long id, string errorClass, string description) =>
        $$"""{"error": {"class": "{{errorClass}}", "desc": {{JsonSerializer.Serialize(description)}}}, "id": {{id}}}""";
}
