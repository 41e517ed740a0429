using System.Text.Encodings.Web;
using System.Text.Json;
using Alpy.Reports.Model;

namespace Alpy.Reports.Html;

/// <summary>
/// The only additions to the official page, made through its own custom_css/custom_script slots: a
/// thin bar above the report naming the run, linking back to the run's index page, and, when the run
/// is incomplete or had run-level problems, saying so in red so partial results never look whole.
/// </summary>
internal static class ReportBanner
{
    public const string Css = """
        .alpy-banner { font: 14px/1.4 system-ui, sans-serif; padding: 8px 16px; background: #f4f6f8; border-bottom: 1px solid #d0d7de; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
        .alpy-banner a { color: #0969da; }
        .alpy-banner .alpy-status { font-weight: 600; }
        .alpy-banner .alpy-status-passed { color: #1a7f37; }
        .alpy-banner .alpy-status-failed, .alpy-banner .alpy-status-incomplete { color: #cf222e; }
        .alpy-problems { margin: 0; padding: 8px 16px 8px 32px; background: #ffebe9; color: #82071e; font: 14px/1.4 system-ui, sans-serif; border-bottom: 1px solid #ff8182; }
        """;

    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>A script that builds the banner with textContent only: no value from the stream is ever parsed as HTML.</summary>
    public static string Script(string title, string runId, string indexHref, RunStatus status, IReadOnlyList<string> problems)
    {
        var data = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["title"] = title,
            ["run"] = runId,
            ["index"] = indexHref,
            ["status"] = status == RunStatus.Incomplete ? "INCOMPLETE: the run was cut short; this report shows only part of it" : status.ToString().ToUpperInvariant(),
            ["statusClass"] = "alpy-status-" + status.ToString().ToLowerInvariant(),
            ["problems"] = problems,
        }, ScriptJson);

        return $$"""
            (function () {
              var d = {{data}};
              function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
              var bar = el('div', 'alpy-banner');
              bar.setAttribute('data-alpy-status', d.statusClass);
              bar.appendChild(el('strong', '', d.title));
              bar.appendChild(el('span', '', 'run ' + d.run));
              bar.appendChild(el('span', 'alpy-status ' + d.statusClass, d.status));
              var back = el('a', '', 'run index, JUnit, messages and artifacts');
              back.href = d.index;
              bar.appendChild(back);
              var first = document.body.firstChild;
              document.body.insertBefore(bar, first);
              if (d.problems.length) {
                var list = el('ul', 'alpy-problems');
                d.problems.forEach(function (p) { list.appendChild(el('li', '', p)); });
                document.body.insertBefore(list, first);
              }
            })();
            """;
    }
}
