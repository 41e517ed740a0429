using System.Xml.Linq;
using Alpy.Reports.JUnit;
using Alpy.Reports.Model;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.JUnit;

public sealed class JUnitWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_all_statuses_When_written_Then_scenarios_are_test_cases_counted_as_Cucumber_counts_them()
    {
        var xml = await WriteAsync(await Runs.CckAsync("all-statuses"));

        var root = xml.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        ((int)root.Attribute("tests")!, (int)root.Attribute("failures")!, (int)root.Attribute("skipped")!, (int)root.Attribute("errors")!).Should().Be((6, 4, 1, 0));
        var suite = root.Element("testsuite")!;
        suite.Attribute("name")!.Value.Should().Be("All statuses");
        suite.Elements("testcase").Select(c => c.Attribute("name")!.Value).Should().Equal("Passing", "Failing", "Pending", "Skipped", "Undefined", "Ambiguous");
        suite.Elements("testcase").Select(c => c.Attribute("classname")!.Value).Should().AllBe("All statuses");
        Case(xml, "Passing").Elements().Select(e => e.Name.LocalName).Should().Equal("system-out");
        Case(xml, "Skipped").Element("skipped").Should().NotBeNull();
        Case(xml, "Undefined").Element("failure")!.Attribute("type")!.Value.Should().Be("undefined");
    }

    [Fact]
    public async Task Given_Reqnrolls_stream_When_written_Then_CI_counts_what_dotnet_test_counted_and_each_failure_names_its_step()
    {
        var xml = await WriteAsync(await Runs.ReadAsync(ReqnrollStreams.Whole));

        var root = xml.Root!;
        ((int)root.Attribute("tests")!, (int)root.Attribute("failures")!, (int)root.Attribute("skipped")!, (int)root.Attribute("errors")!).Should().Be((18, 5, 1, 0));
        root.Elements("testsuite").Select(s => s.Attribute("file")!.Value).Should().Contain("Features/statuses.feature");
        Case(xml, "Adding fails").Element("failure")!.Attribute("message")!.Value
            .Should().Be("Then the result is 5 (Features/statuses.feature:14): Assert.Equal() Failure: Values differ");
        Case(xml, "An ignored scenario").Element("skipped").Should().NotBeNull();
    }

    [Fact]
    public async Task Given_a_failed_BeforeTestRun_hook_When_written_Then_CI_sees_an_error_though_no_scenario_ran()
    {
        var xml = await WriteAsync(await Runs.ReadAsync(ReqnrollStreams.BeforeRunFailed));

        ((int)xml.Root!.Attribute("errors")!).Should().Be(1);
        xml.Root.Element("testsuite")!.Element("testcase")!.Element("error")!.Attribute("message")!.Value.Should().Contain("BeforeTestRun hook Lab.BootLab failed");
    }

    [Fact]
    public async Task Given_a_failed_scenario_When_written_Then_its_failure_carries_the_step_file_line_message_and_evidence()
    {
        var xml = await WriteAsync(await Runs.CckAsync("attachments"), "reports/runs/x/report.html");

        var failure = Case(xml, "Attaching during a failed step").Element("failure")!;
        failure.Attribute("type")!.Value.Should().Be("Error");
        failure.Attribute("message")!.Value.Should().Be(
            "When the string \"hello\" is attached as \"application/octet-stream\" before a failure (samples/attachments/attachments.feature:39): whoops");
        failure.Value.Should().Contain("Scenario: Attaching during a failed step (samples/attachments/attachments.feature:38)")
            .And.Contain("Message:  whoops")
            .And.Contain("Evidence:\n  - attachment (application/octet-stream, 5 B)")
            .And.Contain("Report:   reports/runs/x/report.html");
        Case(xml, "Attaching during a failed step").Element("system-out")!.Value.Should().Contain("attached: attachment (application/octet-stream, 5 B)");
    }

    [Fact]
    public async Task Given_console_noise_in_a_message_When_written_Then_the_XML_stays_valid_and_readable()
    {
        var stream = _temp.File("noise.ndjson");
        new FakeSuite([new FakeFeature("features/noise.feature", "Noise", [new FakeScenario("Console", [
            new FakeStep("Then ", "the console is clean", "FAILED", "\u001b[31mkernel panic\u001b[0m\u0001\u0007 at <addr> & more ]]>"),
        ])])]).Write(stream);

        var xml = await WriteAsync(await Runs.ReadAsync(stream));

        var message = Case(xml, "Console").Element("failure")!.Attribute("message")!.Value;
        message.Should().EndWith(": kernel panic\uFFFD\uFFFD at <addr> & more ]]>");
    }

    [Fact]
    public async Task Given_a_failed_BeforeTestRun_hook_When_written_Then_CI_sees_an_error_even_though_no_scenario_failed()
    {
        var xml = await WriteAsync(await Runs.CckAsync("global-hooks-beforeall-error"));

        ((int)xml.Root!.Attribute("errors")!).Should().Be(1);
        var error = xml.Descendants("error").Single();
        error.Attribute("message")!.Value.Should().Contain("BeforeTestRun hook").And.Contain("BeforeAll hook went wrong");
        error.Parent!.Attribute("name")!.Value.Should().Be("test run");
    }

    [Fact]
    public async Task Given_an_incomplete_run_When_written_Then_it_has_an_incomplete_error()
    {
        var stream = _temp.File("cut.ndjson");
        FakeSuite.Lab(2).Write(stream, new FakeRunOptions { Finish = false });

        var xml = await WriteAsync(await Runs.ReadAsync(stream));

        var error = xml.Descendants("error").Single();
        error.Attribute("type")!.Value.Should().Be("incomplete");
        error.Parent!.Attribute("name")!.Value.Should().Be("test run is incomplete");
    }

    [Fact]
    public async Task Given_scenarios_with_the_same_name_When_written_Then_test_case_names_stay_unique()
    {
        var stream = _temp.File("same.ndjson");
        var steps = new[] { new FakeStep("Given ", "x") };
        new FakeSuite([new FakeFeature("features/same.feature", "Same", [new FakeScenario("Twice", steps), new FakeScenario("Twice", steps)])]).Write(stream);

        var xml = await WriteAsync(await Runs.ReadAsync(stream));

        xml.Descendants("testcase").Select(c => c.Attribute("name")!.Value).Should().Equal("Twice", "Twice #2");
    }

    private async Task<XDocument> WriteAsync(RunResult run, string? report = null)
    {
        var path = _temp.File($"junit-{Guid.NewGuid():N}.xml");
        await JUnitWriter.WriteAsync(run, path, new JUnitOptions { ReportLocation = report }, TestContext.Current.CancellationToken);
        return XDocument.Load(path);
    }

    private static XElement Case(XDocument xml, string name) => xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == name);
}
