namespace Alpy.Capture;

/// <summary>One TCP option.</summary>
/// <param name="Kind">The option kind.</param>
/// <param name="Length">Bytes the option occupies, kind and length bytes included (1 for end-of-list and no-operation).</param>
/// <param name="Data">The option's bytes after its kind and length.</param>
public readonly record struct TcpOption(TcpOptionKind Kind, int Length, ReadOnlyMemory<byte> Data);
