namespace Alpy.Capture;

/// <summary>TCP option kinds the text output knows by name.</summary>
public enum TcpOptionKind : byte
{
    EndOfList = 0,
    NoOperation = 1,
    MaximumSegmentSize = 2,
    WindowScale = 3,
    SackPermitted = 4,
    Sack = 5,
    Timestamp = 8,
    Md5Signature = 19,
    UserTimeout = 28,
    Authentication = 29,
    Multipath = 30,
    FastOpen = 34,
}
