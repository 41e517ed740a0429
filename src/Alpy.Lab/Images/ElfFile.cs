using System.Buffers.Binary;
using System.Text;

namespace Alpy.Lab.Images;

/// <summary>
/// What the dynamic loader needs to run an ELF file, read from its program headers and dynamic section (as
/// <c>readelf -d</c> shows them) without running anything, unlike <c>ldd</c>. Only 64-bit little-endian files
/// (x86-64, aarch64) are read; other files are reported as not ELF.
/// </summary>
/// <param name="Interpreter">The dynamic loader (<c>PT_INTERP</c>), null for a static file.</param>
/// <param name="Needed">The sonames it links against (<c>DT_NEEDED</c>), in order.</param>
/// <param name="RunPath">Its library search path (<c>DT_RUNPATH</c>, else <c>DT_RPATH</c>), <c>$ORIGIN</c> not yet expanded.</param>
public sealed record ElfFile(string? Interpreter, IReadOnlyList<string> Needed, IReadOnlyList<string> RunPath)
{
    private const uint PtLoad = 1;
    private const uint PtDynamic = 2;
    private const uint PtInterp = 3;
    private const long DtNull = 0;
    private const long DtNeeded = 1;
    private const long DtStrtab = 5;
    private const long DtStrsz = 10;
    private const long DtRpath = 15;
    private const long DtRunpath = 29;
    private const int ProgramHeaderSize = 56;

    /// <summary>True for a file without a loader and without libraries (static, or a non-ELF file such as a script).</summary>
    public bool IsStatic => Interpreter is null && Needed.Count == 0;

    /// <summary>True when <paramref name="content"/> starts with the ELF magic.</summary>
    public static bool IsElf(ReadOnlySpan<byte> content) => content.Length >= 4 && content[0] == 0x7F && content[1] == 'E' && content[2] == 'L' && content[3] == 'F';

    /// <summary>Reads the dynamic linking facts of an ELF file; a file that is not ELF has none.</summary>
    /// <param name="content">The whole file.</param>
    /// <param name="name">The file's name, for error messages.</param>
    /// <exception cref="ImageBuildException">The file is ELF but malformed, or not 64-bit little-endian.</exception>
    public static ElfFile Parse(ReadOnlySpan<byte> content, string name)
    {
        if (!IsElf(content))
        {
            return new ElfFile(null, [], []);
        }

        if (content.Length < 64 || content[4] != 2 || content[5] != 1)
        {
            throw new ImageBuildException($"{name} is not a 64-bit little-endian ELF file; only those can be put into lab images.");
        }

        var programHeaders = ReadOffset(content, 0x20, name);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(content[0x36..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(content[0x38..]);
        if (entrySize < ProgramHeaderSize || programHeaders + ((long)entrySize * count) > content.Length)
        {
            throw Malformed(name, "program headers out of bounds");
        }

        string? interpreter = null;
        (long Offset, long Size)? dynamic = null;
        var loads = new List<(long VirtualAddress, long Offset, long FileSize)>();
        for (var i = 0; i < count; i++)
        {
            var header = content.Slice((int)(programHeaders + ((long)i * entrySize)), ProgramHeaderSize);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(header);
            var offset = ReadOffset(header, 8, name);
            var virtualAddress = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
            var fileSize = ReadOffset(header, 32, name);
            if (offset + fileSize > content.Length)
            {
                throw Malformed(name, $"segment {i} out of bounds");
            }

            switch (type)
            {
                case PtInterp:
                    interpreter = CString(content.Slice((int)offset, (int)fileSize));
                    break;
                case PtDynamic:
                    dynamic = (offset, fileSize);
                    break;
                case PtLoad:
                    loads.Add((virtualAddress, offset, fileSize));
                    break;
            }
        }

        return dynamic is { } section
            ? ParseDynamic(content, section.Offset, section.Size, loads, interpreter, name)
            : new ElfFile(interpreter, [], []);
    }

    private static ElfFile ParseDynamic(
        ReadOnlySpan<byte> content, long offset, long size, List<(long VirtualAddress, long Offset, long FileSize)> loads, string? interpreter, string name)
    {
        var needed = new List<long>();
        long? stringTable = null;
        long stringTableSize = 0;
        long? runPath = null;
        long? rPath = null;
        for (var entry = offset; entry + 16 <= offset + size; entry += 16)
        {
            var tag = BinaryPrimitives.ReadInt64LittleEndian(content[(int)entry..]);
            var value = BinaryPrimitives.ReadInt64LittleEndian(content[(int)(entry + 8)..]);
            if (tag == DtNull)
            {
                break;
            }

            switch (tag)
            {
                case DtNeeded: needed.Add(value); break;
                case DtStrtab: stringTable = value; break;
                case DtStrsz: stringTableSize = value; break;
                case DtRunpath: runPath = value; break;
                case DtRpath: rPath = value; break;
            }
        }

        if (needed.Count == 0 && runPath is null && rPath is null)
        {
            return new ElfFile(interpreter, [], []);
        }

        // DT_STRTAB is an address in memory; the loadable segment containing it says where that is in the file.
        var address = stringTable ?? throw Malformed(name, "dynamic section without a string table");
        var segment = loads.FirstOrDefault(load => address >= load.VirtualAddress && address < load.VirtualAddress + load.FileSize);
        if (segment.FileSize == 0)
        {
            throw Malformed(name, "string table outside every loadable segment");
        }

        var tableOffset = address - segment.VirtualAddress + segment.Offset;
        var tableEnd = Math.Min(content.Length, tableOffset + (stringTableSize > 0 ? stringTableSize : content.Length));
        var table = content[(int)tableOffset..(int)tableEnd];
        var sonames = new string[needed.Count];
        for (var i = 0; i < sonames.Length; i++)
        {
            sonames[i] = StringAt(table, needed[i], name);
        }

        var searchPath = runPath ?? rPath;
        return new ElfFile(
            interpreter,
            sonames,
            searchPath is { } path ? StringAt(table, path, name).Split(':', StringSplitOptions.RemoveEmptyEntries) : []);
    }

    private static string StringAt(ReadOnlySpan<byte> table, long index, string name) =>
        index >= 0 && index < table.Length ? CString(table[(int)index..]) : throw Malformed(name, "string index out of bounds");

    private static long ReadOffset(ReadOnlySpan<byte> data, int at, string name)
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
        return value <= int.MaxValue ? (long)value : throw Malformed(name, $"offset {value} too large");
    }

    private static string CString(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    private static ImageBuildException Malformed(string name, string what) =>
        new($"{name} is a malformed ELF file ({what}); reinstall the package that provides it.");
}
