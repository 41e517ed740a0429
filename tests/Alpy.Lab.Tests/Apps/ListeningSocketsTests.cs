using Alpy.Lab.Apps;

namespace Alpy.Lab.Tests.Apps;

public sealed class ListeningSocketsTests
{
    private const string Tcp = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 00000000:0058 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0
           1: 0200A8C0:0050 0100A8C0:D431 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1
        """;

    [Theory]
    [InlineData(88, true)]
    [InlineData(80, false)]
    [InlineData(8, false)]
    public void Given_proc_net_tcp_When_asked_for_a_port_Then_only_a_listening_socket_counts(int port, bool listening)
    {
        ListeningSockets.Contains(Tcp, port, TransportProtocol.Tcp).Should().Be(listening);
    }

    [Fact]
    public void Given_proc_net_udp6_When_a_socket_is_bound_Then_it_counts_for_udp()
    {
        const string udp6 = "  sl  local_address                         remote_address                        st\n"
            + "   0: 00000000000000000000000000000000:1451 00000000000000000000000000000000:0000 07 00000000:00000000\n";

        ListeningSockets.Contains(udp6, 5201, TransportProtocol.Udp).Should().BeTrue();
    }

    [Fact]
    public void Given_garbage_When_parsed_Then_nothing_counts()
    {
        ListeningSockets.Contains("garbage\n: :\n 0: zz:zz", 88, TransportProtocol.Tcp).Should().BeFalse();
    }
}
