using System.Buffers.Binary;
using Alpy.Lab.Images;

namespace Alpy.Lab.Tests.Images;

public sealed class ElfFileTests
{
    [Fact]
    public void Given_a_dynamic_ELF_When_parsed_Then_loader_needed_libraries_and_run_path_are_read()
    {
        var content = SyntheticElf.Create("/lib64/ld-linux-x86-64.so.2", ["libssl.so.3", "libc.so.6"], "$ORIGIN/../lib:/opt/x");

        var elf = ElfFile.Parse(content, "app");

        elf.Interpreter.Should().Be("/lib64/ld-linux-x86-64.so.2");
        elf.Needed.Should().Equal("libssl.so.3", "libc.so.6");
        elf.RunPath.Should().Equal("$ORIGIN/../lib", "/opt/x");
        elf.IsStatic.Should().BeFalse();
    }

    [Fact]
    public void Given_a_script_When_parsed_Then_it_has_no_dependencies()
    {
        var elf = ElfFile.Parse("#!/bin/sh\necho hi\n"u8, "script.sh");

        elf.IsStatic.Should().BeTrue();
    }

    [Fact]
    public void Given_the_hosts_static_busybox_When_parsed_Then_it_needs_nothing()
    {
        var elf = ElfFile.Parse(File.ReadAllBytes("/bin/busybox"), "/bin/busybox");

        elf.IsStatic.Should().BeTrue();
    }

    [Fact]
    public void Given_the_hosts_socat_When_parsed_Then_it_names_what_readelf_names()
    {
        var elf = ElfFile.Parse(File.ReadAllBytes("/usr/bin/socat"), "/usr/bin/socat");

        elf.Interpreter.Should().Be("/lib64/ld-linux-x86-64.so.2");
        elf.Needed.Should().Contain(["libssl.so.3", "libcrypto.so.3", "libc.so.6"]);
    }

    [Fact]
    public void Given_a_truncated_ELF_When_parsed_Then_the_error_says_it_is_malformed_and_what_to_do()
    {
        var content = SyntheticElf.Create("/lib64/ld.so", ["libc.so.6"])[..150];

        var parse = () => ElfFile.Parse(content, "/usr/bin/broken");

        parse.Should().Throw<ImageBuildException>().WithMessage("/usr/bin/broken is a malformed ELF file (*); reinstall the package that provides it.");
    }

    [Fact]
    public void Given_a_32_bit_ELF_When_parsed_Then_it_is_refused_by_name()
    {
        var content = SyntheticElf.Create(null, ["libc.so.6"]);
        content[4] = 1;

        var parse = () => ElfFile.Parse(content, "/usr/bin/old");

        parse.Should().Throw<ImageBuildException>().WithMessage("/usr/bin/old is not a 64-bit little-endian ELF file*");
    }

    [Fact]
    public void Given_a_string_index_beyond_the_table_When_parsed_Then_it_is_malformed_not_a_crash()
    {
        var content = SyntheticElf.Create(null, ["libc.so.6"]);
        // The dynamic section ends the file: DT_NEEDED, DT_STRTAB, DT_STRSZ, DT_NULL. Point DT_NEEDED far outside the table.
        var dynamic = content.Length - (4 * 16);
        BinaryPrimitives.WriteInt64LittleEndian(content.AsSpan(dynamic + 8), 1_000_000);

        var parse = () => ElfFile.Parse(content, "evil");

        parse.Should().Throw<ImageBuildException>().WithMessage("evil is a malformed ELF file (string index out of bounds)*");
    }
}
