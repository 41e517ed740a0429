namespace Alpy.Lab.Apps;

/// <summary>The transport a server listens on.</summary>
public enum TransportProtocol
{
    Tcp,
    Udp,
}
