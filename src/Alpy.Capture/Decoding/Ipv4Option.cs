namespace Alpy.Capture;

/// <summary>One IPv4 header option.</summary>
/// <param name="Type">The option type byte (copied flag, class and number).</param>
/// <param name="Length">Bytes the option occupies, type and length bytes included (1 for end-of-list and no-operation).</param>
/// <param name="Data">The option's bytes after its type and length.</param>
public readonly record struct Ipv4Option(byte Type, int Length, ReadOnlyMemory<byte> Data)
{
    /// <summary>The option number without the copied flag and class (e.g. 7 record route, 20 router alert).</summary>
    public int Number => Type & 0x1F;

    /// <summary>Whether routers copy the option into every fragment.</summary>
    public bool Copied => (Type & 0x80) != 0;
}
