using System.Globalization;
using Alpy.Lab.Runs;

namespace Alpy.Lab.Naming;

/// <summary>
/// Names of a run's objects. Every name starts with the run id so that it can be found: containers
/// <c>alpy-ID-…</c>, taps <c>alpyIDtN</c> (at most 15 characters, Linux's limit for interface names).
/// </summary>
internal sealed class LabNames(RunId run)
{
    /// <summary>What every tap of any run looks like: <c>alpy</c>, a run id, <c>t</c>, a number.</summary>
    public const string TapPattern = "^alpy([a-z0-9]{6})t[0-9]{1,3}$";

    private int _counter;

    public RunId Run { get; } = run;

    /// <summary>The tap of link <paramref name="index"/>; VLAN taps continue the numbering after the links.</summary>
    public string Tap(int index) => string.Create(CultureInfo.InvariantCulture, $"alpy{Run.Value}t{index}");

    public string Container(string role) => $"alpy-{Run.Value}-{role}";

    /// <summary>A unique container name for a short-lived container (helper, app).</summary>
    public string Unique(string role) =>
        string.Create(CultureInfo.InvariantCulture, $"alpy-{Run.Value}-{role}-{Interlocked.Increment(ref _counter)}");
}
