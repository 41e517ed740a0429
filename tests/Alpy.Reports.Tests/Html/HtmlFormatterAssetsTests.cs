using Alpy.Reports.Html;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Html;

public sealed class HtmlFormatterAssetsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_the_installed_package_When_located_Then_it_is_the_pinned_version_with_all_assets()
    {
        var assets = await HtmlFormatterAssets.LocateAsync(cancellationToken: TestContext.Current.CancellationToken);

        assets.Version.Should().Be(HtmlFormatterAssets.PinnedVersion);
        assets.Script.Length.Should().BeGreaterThan(100_000, "dist/main.js is the React application");
        assets.Css.Should().Contain("{");
        assets.Icon.Should().StartWith("data:image/");
    }

    [Fact]
    public async Task Given_the_npm_pin_When_compared_Then_the_code_pins_the_same_version()
    {
        var package = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src/Alpy.Reports/html-formatter/package.json"), TestContext.Current.CancellationToken);

        System.Text.Json.JsonDocument.Parse(package).RootElement.GetProperty("dependencies").GetProperty("@cucumber/html-formatter").GetString()
            .Should().Be(HtmlFormatterAssets.PinnedVersion, "package.json (what npm installs) and the code (what it accepts) pin one version");
    }

    [Fact]
    public async Task Given_a_folder_without_the_package_When_loaded_Then_the_error_says_how_to_install_it()
    {
        var act = () => HtmlFormatterAssets.LoadAsync(_temp.Path, requirePinnedVersion: true, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ReportException>())
            .Which.Message.Should().Contain("package.json").And.Contain("scripts/install-prerequisites").And.Contain(HtmlFormatterAssets.EnvironmentVariable);
    }

    [Fact]
    public async Task Given_another_version_When_loaded_as_the_pinned_one_Then_it_is_refused_with_both_versions_named()
    {
        var folder = await FakePackageAsync("23.0.0", "<html>{{title}}{{icon}}{{css}}{{custom_css}}{{messages}}{{script}}{{custom_script}}</html>");

        var act = () => HtmlFormatterAssets.LoadAsync(folder, requirePinnedVersion: true, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ReportException>()).Which.Message.Should().Contain("23.0.0").And.Contain(HtmlFormatterAssets.PinnedVersion);
    }

    [Fact]
    public async Task Given_a_template_without_a_placeholder_When_loaded_Then_the_missing_placeholder_is_named()
    {
        var folder = await FakePackageAsync("99.0.0", "<html>{{title}}{{icon}}{{css}}{{custom_css}}{{script}}{{custom_script}}</html>");

        var act = () => HtmlFormatterAssets.LoadAsync(folder, requirePinnedVersion: false, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ReportException>()).Which.Message.Should().Contain("{{messages}}").And.Contain("index.mustache");
    }

    [Fact]
    public async Task Given_an_explicitly_chosen_folder_When_located_Then_a_different_version_is_accepted()
    {
        var folder = await FakePackageAsync("99.0.0", "<html>{{title}}{{icon}}{{css}}{{custom_css}}{{messages}}{{script}}{{custom_script}}</html>");

        var assets = await HtmlFormatterAssets.LocateAsync(folder, TestContext.Current.CancellationToken);

        assets.Version.Should().Be("99.0.0");
        assets.Directory.Should().Be(folder);
    }

    private async Task<string> FakePackageAsync(string version, string template)
    {
        var folder = _temp.File($"package-{version}");
        Directory.CreateDirectory(Path.Combine(folder, "dist", "src"));
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), $"{{\"name\":\"@cucumber/html-formatter\",\"version\":\"{version}\"}}", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "dist", "src", "index.mustache"), template, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "dist", "src", "icon.url"), "data:image/svg+xml;base64,AA==", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "dist", "main.css"), "body{}", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "dist", "main.js"), "console.log(1)", TestContext.Current.CancellationToken);
        return folder;
    }
}
