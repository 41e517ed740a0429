using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Suite;

/// <summary>
/// The edit loop on Reqnroll: a feature file added to features/ is in the next incremental build's test list, and once
/// deleted it is gone from the next one (no stale code-behind runs deleted scenarios). It builds a copy of the suite
/// project, with the repository's features, in a temp folder; the step library and the generator plugin are the
/// repository's own (linked, already built).
/// </summary>
[Trait("Category", "integration")]
public sealed class EditLoopTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("alpy-specs-edit-loop-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Project => Path.Combine(_root.FullName, "src", "Alpy.Specs");

    [Fact]
    public async Task Given_a_built_suite_When_a_feature_is_added_then_deleted_Then_each_incremental_build_lists_exactly_the_features_there()
    {
        // Given: the suite as it is
        CopySuite();
        var before = await ListTestsAsync();
        before.Should().Contain("Dropped ICMP does not cross the DUT").And.NotContain(t => t.Contains("__pickleIndex", StringComparison.Ordinal));

        // When: a feature is added (NAT's scenarios under another title)
        var added = Path.Combine(_root.FullName, "features", "nat-again.feature");
        var nat = await File.ReadAllTextAsync(Path.Combine(TestPaths.Root, "features", "nat.feature"), Token);
        var title = nat.Split('\n').First(l => l.TrimStart().StartsWith("Feature:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(added, nat.Replace(title, "Feature: NAT once more", StringComparison.Ordinal), Token);
        var withAdded = await ListTestsAsync();

        // Then: its scenarios are listed too (they are NAT's, so each NAT scenario is now listed twice)
        withAdded.Should().HaveCountGreaterThan(before.Count, "the added feature's scenarios are listed after an incremental build");
        withAdded.Distinct().Should().BeEquivalentTo(before);
        withAdded.GroupBy(t => t).Count(g => g.Count() == 2).Should().Be(withAdded.Count - before.Count);

        // When: it is deleted again
        File.Delete(added);
        var after = await ListTestsAsync();

        // Then: the list is the suite's own again
        after.Should().BeEquivalentTo(before, "a deleted feature leaves nothing behind in the next incremental build");
    }

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>src/Alpy.Specs copied, features/ copied, the rest of src/ and the repository's build files linked.</summary>
    private void CopySuite()
    {
        var root = _root.FullName;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(Path.Combine(TestPaths.Root, file), Path.Combine(root, file));
        Directory.CreateDirectory(Path.Combine(root, "features"));
        foreach (var feature in Directory.GetFiles(Path.Combine(TestPaths.Root, "features"), "*.feature"))
            File.Copy(feature, Path.Combine(root, "features", Path.GetFileName(feature)));
        Directory.CreateDirectory(Project);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Root, "src", "Alpy.Specs")))
            File.Copy(file, Path.Combine(Project, Path.GetFileName(file)));
        foreach (var linked in new[] { "Alpy.Specs.Steps", "Alpy.Specs.Generator", "Alpy.Specs.Analyzers", "Alpy.Lab", "Alpy.Capture", "Alpy.Qemu" })
            Directory.CreateSymbolicLink(Path.Combine(root, "src", linked), Path.Combine(TestPaths.Root, "src", linked));
    }

    /// <summary>An incremental build of the copy (its references are built already), then `dotnet test --list-tests`.</summary>
    private async Task<IReadOnlyList<string>> ListTestsAsync()
    {
        await DotnetCli.SucceedAsync(_root.FullName, "build", Project, "-c", TestPaths.Configuration, "-p:BuildProjectReferences=false", "--disable-build-servers", "-nologo", "-v", "q");
        var output = await DotnetCli.SucceedAsync(_root.FullName, "test", Project, "-c", TestPaths.Configuration, "--no-build", "--list-tests", "-nologo");
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r'));
        return [.. lines.SkipWhile(l => !l.Contains("The following Tests are available:", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim())];
    }
}
