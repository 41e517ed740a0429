namespace Alpy.Runner.Samples;

[Binding]
public sealed class NetworkSteps(IReqnrollOutputHelper output)
{
    private int listening;

    [Given("a server listening on port {int}")]
    public void GivenAServer(int port) => listening = port;

    [When("a client connects to port {int}")]
    public void WhenAClientConnects(int port) => output.AddAttachment(new byte[] { 1, 2, 3, (byte)port }, "application/vnd.tcpdump.pcap", "link0.pcap");

    [Then("the client reaches the server on port {int}")]
    public void ThenReaches(int port) => Assert.Equal(port, listening);
}
