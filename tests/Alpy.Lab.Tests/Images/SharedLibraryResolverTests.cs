using System.Diagnostics;
using Alpy.Lab.Images;

namespace Alpy.Lab.Tests.Images;

public sealed class SharedLibraryResolverTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Given_libraries_needing_libraries_When_resolved_Then_the_loader_and_the_whole_closure_are_found_once()
    {
        var loader = temp.File("lib64/ld.so", SyntheticElf.Create(null, []));
        var libc = temp.File("lib/libc.so.6", SyntheticElf.Create(null, []));
        var libB = temp.File("opt/app/sub/libb.so.2", SyntheticElf.Create(null, ["libc.so.6"]));
        var libA = temp.File("lib/liba.so.1", SyntheticElf.Create(null, ["libb.so.2", "libc.so.6"], "/nonexistent:" + Path.Combine(temp.Path, "opt/app/sub")));
        var app = SyntheticElf.Create(loader, ["liba.so.1", "libc.so.6"]);
        var resolver = new SharedLibraryResolver(new LibrarySearchPath([Path.Combine(temp.Path, "lib")]));

        var libraries = resolver.Resolve("/usr/bin/app", ElfFile.Parse(app, "app"), "app-package");

        libraries.Should().Equal(loader, libA, libc, libB);
    }

    [Fact]
    public void Given_an_ORIGIN_run_path_When_resolved_Then_it_is_relative_to_the_requesting_file()
    {
        temp.File("app/lib/libx.so", SyntheticElf.Create(null, []));
        var appPath = temp.File("app/bin/app", SyntheticElf.Create(null, ["libx.so"], "$ORIGIN/../lib"));
        var resolver = new SharedLibraryResolver(new LibrarySearchPath([]));

        var libraries = resolver.Resolve(appPath, ElfFile.Parse(File.ReadAllBytes(appPath), appPath), "app");

        libraries.Should().Equal(Path.Combine(temp.Path, "app/bin/../lib/libx.so"));
        File.Exists(libraries[0]).Should().BeTrue();
    }

    [Fact]
    public void Given_a_missing_library_When_resolved_Then_the_error_names_it_who_needs_it_and_the_package()
    {
        var app = SyntheticElf.Create(null, ["libgone.so.7"]);
        var resolver = new SharedLibraryResolver(new LibrarySearchPath([temp.Path]));

        var resolve = () => resolver.Resolve("/usr/bin/iperf3", ElfFile.Parse(app, "iperf3"), "iperf3");

        resolve.Should().Throw<ImageBuildException>().WithMessage(
            $"/usr/bin/iperf3 needs the library libgone.so.7, which is not in {temp.Path}. Reinstall the package that provides /usr/bin/iperf3 "
            + "(apt-get install --reinstall iperf3), or find the missing one with: apt-file search libgone.so.7");
    }

    [Fact]
    public void Given_a_missing_loader_When_resolved_Then_the_error_says_to_reinstall_libc6()
    {
        var app = SyntheticElf.Create("/nonexistent/ld-linux.so.2", []);
        var resolver = new SharedLibraryResolver(new LibrarySearchPath([]));

        var resolve = () => resolver.Resolve("/usr/bin/x", ElfFile.Parse(app, "x"), "x");

        resolve.Should().Throw<ImageBuildException>().WithMessage("/usr/bin/x needs the dynamic loader /nonexistent/ld-linux.so.2*reinstall libc6*");
    }

    [Theory]
    [InlineData("/usr/bin/iperf3")]
    [InlineData("/usr/bin/socat")]
    [InlineData("/sbin/ip")]
    public void Given_a_host_executable_When_resolved_Then_the_libraries_match_what_ldd_reports(string executable)
    {
        var resolver = new SharedLibraryResolver(LibrarySearchPath.FromHost());

        var libraries = resolver.Resolve(executable, ElfFile.Parse(File.ReadAllBytes(executable), executable), "package");

        libraries.Select(Path.GetFileName).Should().BeEquivalentTo(Ldd(executable));
    }

    /// <summary>The file names ldd lists (without the kernel's vDSO), as a reference for the resolver.</summary>
    private static string[] Ldd(string executable)
    {
        using var ldd = Process.Start(new ProcessStartInfo("ldd", [executable]) { RedirectStandardOutput = true })!;
        var output = ldd.StandardOutput.ReadToEnd();
        ldd.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("linux-vdso", StringComparison.Ordinal))
            .Select(line => Path.GetFileName(line.Contains("=>", StringComparison.Ordinal) ? line.Split("=>")[1].Trim().Split(' ')[0] : line.Split(' ')[0]))
            .ToArray();
    }
}
