using Alpy.Lab.Apps;

namespace Alpy.Specs.Steps.Traffic;

/// <summary>What one traffic step did: the kind (as the verdict steps name it), how it ended and what came back.</summary>
public sealed record TrafficAttempt
{
    /// <summary>"ping", "connection", "message", "requests" or "measurement".</summary>
    public required string Kind { get; init; }

    /// <summary>The step's words, e.g. "node 0 pings 192.168.1.2".</summary>
    public required string Description { get; init; }

    /// <summary>The outcome; for several requests, the first one that did not succeed (or success).</summary>
    public required TrafficOutcome Outcome { get; init; }

    /// <summary>The reply line of a message, if one came.</summary>
    public string? Reply { get; init; }

    /// <summary>Each HTTP request's outcome and body (or error), in order.</summary>
    public IReadOnlyList<HttpResponse> Responses { get; init; } = [];

    /// <summary>A throughput measurement's result.</summary>
    public double? BitsPerSecond { get; init; }

    /// <summary>The app container's result (exit code, output), for messages and evidence.</summary>
    public required AppResult App { get; init; }

    /// <summary>What happened, for a message: "timed out (exit code 1; alpy-no-reply)".</summary>
    public string Seen
    {
        get
        {
            var output = (App.Stderr + " " + App.Stdout).Trim().ReplaceLineEndings(" ");
            if (output.Length > 300)
                output = output[..300] + "…";
            return $"{Outcome.Past()} (exit code {App.ExitCode}{(output.Length > 0 ? "; output: " + output : "")})";
        }
    }
}

/// <summary>One HTTP request's outcome and the body (or the client's error).</summary>
public sealed record HttpResponse(TrafficOutcome Outcome, string Text);
