using System.Globalization;
using System.Text;
using System.Xml;
using Alpy.Reports.IO;
using Alpy.Reports.Model;

namespace Alpy.Reports.JUnit;

/// <summary>
/// JUnit XML for CI servers (Jenkins, GitLab, GitHub test reporters): a &lt;testsuite&gt; per feature, a
/// &lt;testcase&gt; per scenario named as the scenario reads. Outcomes follow Cucumber's JUnit formatter
/// (pending, undefined and ambiguous fail), failures carry the step, file:line and the evidence, and
/// run-level problems (a failed BeforeTestRun hook, an incomplete stream) become an &lt;error&gt; so that
/// CI turns red even when no scenario failed.
/// </summary>
public static class JUnitWriter
{
    public static async Task WriteAsync(RunResult run, string path, JUnitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        options ??= new JUnitOptions();
        await using var file = AtomicFile.Create(path);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using (var xml = XmlWriter.Create(file.Stream, settings))
        {
            await WriteDocumentAsync(xml, run, options).ConfigureAwait(false);
        }

        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteDocumentAsync(XmlWriter xml, RunResult run, JUnitOptions options)
    {
        var totals = run.Totals;
        var errors = run.Problems.Count > 0 ? 1 : 0;
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", options.Name);
        xml.WriteAttributeString("tests", (totals.Total + errors).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", totals.Failed.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", totals.Skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(run.Duration ?? TimeSpan.Zero));
        if (run.StartedAt is { } started)
        {
            xml.WriteAttributeString("timestamp", Timestamp(started));
        }

        if (errors > 0)
        {
            WriteRunProblems(xml, run);
        }

        foreach (var feature in run.Features)
        {
            WriteFeature(xml, feature, run, options);
        }

        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
    }

    private static void WriteRunProblems(XmlWriter xml, RunResult run)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "(test run)");
        xml.WriteAttributeString("tests", "1");
        xml.WriteAttributeString("failures", "0");
        xml.WriteAttributeString("errors", "1");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", "0");
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", "(test run)");
        xml.WriteAttributeString("name", run.Status == RunStatus.Incomplete ? "test run is incomplete" : "test run");
        xml.WriteAttributeString("time", "0");
        xml.WriteStartElement("error");
        xml.WriteAttributeString("type", run.Status == RunStatus.Incomplete ? "incomplete" : "test-run");
        xml.WriteAttributeString("message", XmlText.Clean(run.Problems[0]));
        xml.WriteString(XmlText.Clean(string.Join("\n", run.Problems)));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteFeature(XmlWriter xml, FeatureResult feature, RunResult run, JUnitOptions options)
    {
        var totals = OutcomeTotals.Count(feature.Scenarios.Select(s => s.Outcome));
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", XmlText.Clean(feature.Name));
        xml.WriteAttributeString("tests", totals.Total.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", totals.Failed.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", totals.Skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(feature.Duration));
        if ((feature.Scenarios.Select(s => s.StartedAt).Min() ?? run.StartedAt) is { } started)
        {
            xml.WriteAttributeString("timestamp", Timestamp(started));
        }

        xml.WriteAttributeString("file", feature.Uri);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scenario in feature.Scenarios)
        {
            WriteScenario(xml, feature, scenario, UniqueName(names, scenario.DisplayName), options);
        }

        xml.WriteEndElement();
    }

    private static void WriteScenario(XmlWriter xml, FeatureResult feature, ScenarioResult scenario, string name, JUnitOptions options)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", XmlText.Clean(feature.Name));
        xml.WriteAttributeString("name", XmlText.Clean(name));
        xml.WriteAttributeString("time", Seconds(scenario.Duration));
        xml.WriteAttributeString("file", scenario.Location.Uri);
        xml.WriteAttributeString("line", scenario.Location.Line.ToString(CultureInfo.InvariantCulture));
        switch (scenario.Outcome)
        {
            case ScenarioOutcome.Failed:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", scenario.DecisiveStep?.ExceptionType ?? scenario.Status.ToWord());
                xml.WriteAttributeString("message", XmlText.Clean(FailureText.Headline(scenario)));
                xml.WriteString(XmlText.Clean(FailureText.Details(scenario, options.ReportLocation)));
                xml.WriteEndElement();
                break;
            case ScenarioOutcome.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", XmlText.Clean(FailureText.Headline(scenario)));
                xml.WriteEndElement();
                break;
            default:
                break;
        }

        xml.WriteElementString("system-out", XmlText.Clean(StepList(scenario)));
        xml.WriteEndElement();
    }

    private static string StepList(ScenarioResult scenario)
    {
        var text = new StringBuilder();
        foreach (var step in scenario.Steps)
        {
            var title = step.Title;
            text.Append(title).Append(' ').Append('.', Math.Max(3, 76 - title.Length)).Append(' ').AppendLine(step.Status.ToWord());
            foreach (var attachment in step.Attachments)
            {
                text.Append("    attached: ").AppendLine(attachment.Describe());
            }
        }

        foreach (var attachment in scenario.Attachments)
        {
            text.Append("attached: ").AppendLine(attachment.Describe());
        }

        return text.ToString();
    }

    // CI servers merge test cases of one class that share a name; outline rows normally differ by their
    // values, and anything still equal gets " #2", " #3".
    private static string UniqueName(Dictionary<string, int> seen, string name)
    {
        var count = seen.GetValueOrDefault(name) + 1;
        seen[name] = count;
        return count == 1 ? name : $"{name} #{count}";
    }

    private static string Seconds(TimeSpan duration) =>
        Math.Max(0, duration.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
