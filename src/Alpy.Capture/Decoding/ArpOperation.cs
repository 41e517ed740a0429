namespace Alpy.Capture;

/// <summary>ARP operation codes.</summary>
public enum ArpOperation : ushort
{
    Request = 1,
    Reply = 2,
    ReverseRequest = 3,
    ReverseReply = 4,
    InverseRequest = 8,
    InverseReply = 9,
    Nak = 10,
}
