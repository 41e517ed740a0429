namespace Alpy.Capture;

/// <summary>One neighbour discovery option (source/target link-layer address, prefix information, MTU, ...).</summary>
/// <param name="Type">The option type (1 source link-layer address, 2 target link-layer address, 3 prefix information, 5 MTU, ...).</param>
/// <param name="Length">Bytes the option occupies, type and length bytes included.</param>
/// <param name="Data">The option's bytes after its type and length.</param>
public readonly record struct NdpOption(byte Type, int Length, ReadOnlyMemory<byte> Data);
