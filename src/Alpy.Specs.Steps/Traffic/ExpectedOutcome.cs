namespace Alpy.Specs.Steps.Traffic;

/// <summary>What a verdict step expects of traffic: succeeds, fails (any way), times out, is refused, is unreachable.</summary>
public enum ExpectedOutcome
{
    Succeeds,
    Fails,
    TimesOut,
    IsRefused,
    IsUnreachable,
}

/// <summary>Words for <see cref="ExpectedOutcome"/>.</summary>
public static class ExpectedOutcomes
{
    /// <summary>Parses "succeeds", "fails", "times out", "is refused", "is unreachable" (and their plurals).</summary>
    public static ExpectedOutcome Parse(string text) => text switch
    {
        "succeeds" or "succeed" => ExpectedOutcome.Succeeds,
        "fails" or "fail" => ExpectedOutcome.Fails,
        "times out" or "time out" => ExpectedOutcome.TimesOut,
        "is refused" or "are refused" => ExpectedOutcome.IsRefused,
        "is unreachable" or "are unreachable" => ExpectedOutcome.IsUnreachable,
        _ => throw new Values.StepValueException($"\"{text}\" is not an outcome; write succeeds, fails, times out, is refused or is unreachable."),
    };

    /// <summary>Whether <paramref name="outcome"/> is what was expected.</summary>
    public static bool IsMetBy(this ExpectedOutcome expected, TrafficOutcome outcome) => expected switch
    {
        ExpectedOutcome.Succeeds => outcome == TrafficOutcome.Succeeded,
        ExpectedOutcome.Fails => outcome != TrafficOutcome.Succeeded,
        ExpectedOutcome.TimesOut => outcome == TrafficOutcome.TimedOut,
        ExpectedOutcome.IsRefused => outcome == TrafficOutcome.Refused,
        _ => outcome == TrafficOutcome.Unreachable,
    };

    /// <summary>"to succeed", "to time out", ...: how a message tells what was expected.</summary>
    public static string Infinitive(this ExpectedOutcome expected) => expected switch
    {
        ExpectedOutcome.Succeeds => "to succeed",
        ExpectedOutcome.Fails => "to fail",
        ExpectedOutcome.TimesOut => "to time out (no answer at all)",
        ExpectedOutcome.IsRefused => "to be refused (a TCP reset or an ICMP port unreachable)",
        _ => "to find the destination unreachable",
    };
}
