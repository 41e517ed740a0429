namespace Alpy.Capture;

/// <summary>The TCP timestamps option (RFC 7323).</summary>
/// <param name="Value">TSval: the sender's clock.</param>
/// <param name="EchoReply">TSecr: the peer's clock, echoed.</param>
public readonly record struct TcpTimestamp(uint Value, uint EchoReply);
