using System.Buffers.Binary;
using System.Text;

namespace Alpy.Lab.Tests.Images;

/// <summary>
/// Writes minimal 64-bit little-endian ELF files (one loadable segment, optional PT_INTERP, a dynamic section with
/// DT_NEEDED and DT_RUNPATH), so that library resolution can be tested without depending on the host's binaries.
/// </summary>
internal static class SyntheticElf
{
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;
    private const long BaseAddress = 0x400000;

    public static byte[] Create(string? interpreter, IReadOnlyList<string> needed, string? runPath = null)
    {
        var strings = new List<byte> { 0 };
        int Intern(string text)
        {
            var at = strings.Count;
            strings.AddRange(Encoding.UTF8.GetBytes(text));
            strings.Add(0);
            return at;
        }

        var neededOffsets = needed.Select(Intern).ToArray();
        var runPathOffset = runPath is null ? (int?)null : Intern(runPath);
        var interpreterBytes = interpreter is null ? [] : Encoding.UTF8.GetBytes(interpreter + "\0");

        var programHeaders = interpreter is null ? 2 : 3;
        var interpreterAt = HeaderSize + (programHeaders * ProgramHeaderSize);
        var stringsAt = interpreterAt + interpreterBytes.Length;
        var dynamicAt = (stringsAt + strings.Count + 7) / 8 * 8;
        var dynamicEntries = new List<(long Tag, long Value)>();
        dynamicEntries.AddRange(neededOffsets.Select(offset => (1L, (long)offset)));
        if (runPathOffset is { } path)
        {
            dynamicEntries.Add((29, path));
        }

        dynamicEntries.Add((5, BaseAddress + stringsAt));
        dynamicEntries.Add((10, strings.Count));
        dynamicEntries.Add((0, 0));
        var size = dynamicAt + (dynamicEntries.Count * 16);

        var file = new byte[size];
        "\u007fELF"u8.CopyTo(file);
        file[4] = 2; // 64-bit
        file[5] = 1; // little-endian
        file[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x10), 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x12), 62); // x86-64
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(0x20), HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x36), ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x38), (ushort)programHeaders);

        var header = HeaderSize;
        void Program(uint type, long offset, long length)
        {
            var span = file.AsSpan(header, ProgramHeaderSize);
            BinaryPrimitives.WriteUInt32LittleEndian(span, type);
            BinaryPrimitives.WriteInt64LittleEndian(span[8..], offset);
            BinaryPrimitives.WriteInt64LittleEndian(span[16..], BaseAddress + offset);
            BinaryPrimitives.WriteInt64LittleEndian(span[32..], length);
            BinaryPrimitives.WriteInt64LittleEndian(span[40..], length);
            header += ProgramHeaderSize;
        }

        Program(1, 0, size);
        if (interpreter is not null)
        {
            Program(3, interpreterAt, interpreterBytes.Length);
        }

        Program(2, dynamicAt, dynamicEntries.Count * 16);
        interpreterBytes.CopyTo(file, interpreterAt);
        strings.ToArray().CopyTo(file, stringsAt);
        for (var i = 0; i < dynamicEntries.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(dynamicAt + (i * 16)), dynamicEntries[i].Tag);
            BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(dynamicAt + (i * 16) + 8), dynamicEntries[i].Value);
        }

        return file;
    }
}
