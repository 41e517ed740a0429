using System.Globalization;
using System.Net;
using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Scenario;
using Alpy.Specs.Steps.Traffic;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>Verdicts on the traffic the scenario sent and on what servers received; failures say what was expected and what was seen.</summary>
[Binding]
public sealed class VerdictSteps(ScenarioLab lab, ScenarioApps apps, TrafficLog log, ScenarioCancellation cancellation)
{
    /// <summary>The scenario's token: the lab's waits stop when the run is cancelled (Reqnroll passes no CancellationToken to steps).</summary>
    private CancellationToken Token => cancellation.Token;

    private const string Section = "Verdicts";

    [Then("the {exchange} {outcome}")]
    [StepDoc("How the latest ping, connection, message, requests or measurement ended: succeeds, fails (in any way), times out (no answer), "
        + "is refused (a TCP reset or ICMP port unreachable) or is unreachable.", Section = Section, Example = "Then the connection is refused")]
    public void ThenTheExchangeEnds(TrafficKind kind, ExpectedOutcome outcome)
    {
        var attempt = log.Last(kind);
        if (!outcome.IsMetBy(attempt.Outcome))
            throw new VerdictException($"Expected the {kind.Noun()} ({attempt.Description}) {outcome.Infinitive()}, but it {attempt.Seen}.{Responses(attempt)}");
    }

    [Then("the reply is {string}")]
    [StepDoc("The line that came back to the latest message.", Section = Section, Example = "Then the reply is \"hello\"")]
    public void ThenTheReplyIs(string expected)
    {
        var attempt = log.Last(TrafficKind.Message);
        if (attempt.Reply != expected)
            throw new VerdictException(attempt.Reply is null
                ? $"Expected the reply \"{expected}\" to {attempt.Description}, but no reply came: it {attempt.Seen}."
                : $"Expected the reply \"{expected}\" to {attempt.Description}, but the reply was \"{attempt.Reply}\".");
    }

    [Then("every response is {string}")]
    [StepDoc("Every one of the latest HTTP requests succeeded with this page.", Section = Section, Example = "Then every response is \"backend A\"")]
    public void ThenEveryResponseIs(string expected)
    {
        var attempt = log.Last(TrafficKind.Requests);
        var other = attempt.Responses.Where(r => r.Outcome != TrafficOutcome.Succeeded || r.Text != expected).ToList();
        if (other.Count > 0 || attempt.Responses.Count == 0)
            throw new VerdictException($"Expected every response to {attempt.Description} to be \"{expected}\", but {other.Count} of {attempt.Responses.Count} were not.{Responses(attempt)}");
    }

    [Then("{string} and {string} answer in the ratio {ratio} within {percentage}")]
    [StepDoc("The latest HTTP requests were answered by two pages in a proportion, within a tolerance (in points of the total).",
        Section = Section, Example = "Then \"backend A\" and \"backend B\" answer in the ratio 3:1 within 10%")]
    public void ThenAnswerInRatio(string first, string second, Ratio ratio, Percentage tolerance)
    {
        if (ratio.Weights.Length != 2)
            throw new StepValueException($"The ratio {ratio} has {ratio.Weights.Length} parts for 2 answers; write e.g. 3:1.");
        var attempt = log.Last(TrafficKind.Requests);
        var total = attempt.Responses.Count;
        var counts = new[] { first, second }.Select(name => attempt.Responses.Count(r => r.Outcome == TrafficOutcome.Succeeded && r.Text == name)).ToArray();
        var shares = counts.Select(c => total == 0 ? 0 : (double)c / total).ToArray();
        var off = Enumerable.Range(0, 2).Max(i => Math.Abs(shares[i] - ratio.Share(i)));
        if (total == 0 || counts.Sum() != total || off > tolerance.Fraction + 1e-9)
        {
            throw new VerdictException(string.Create(CultureInfo.InvariantCulture,
                $"Expected \"{first}\" and \"{second}\" to answer the requests ({attempt.Description}) in the ratio {ratio} (shares {ratio.Share(0) * 100:0.#}% and {ratio.Share(1) * 100:0.#}%) within {tolerance}, "
                + $"but of {total} response(s) \"{first}\" gave {counts[0]} ({shares[0] * 100:0.#}%), \"{second}\" {counts[1]} ({shares[1] * 100:0.#}%), others {total - counts.Sum()}.{Responses(attempt)}"));
        }
    }

    [Then("the throughput is {rate} within {percentage}")]
    [StepDoc("The latest measurement is within a tolerance of a rate.", Section = Section, Example = "Then the throughput is 2 Mbit/s within 20%")]
    public void ThenThroughputIs(Rate rate, Percentage tolerance)
    {
        var (attempt, measured) = Measured();
        if (Math.Abs(measured - rate.BitsPerSecond) > rate.BitsPerSecond * tolerance.Fraction)
            throw new VerdictException($"Expected the throughput ({attempt.Description}) to be {rate} within {tolerance} ({Rate.Format(rate.BitsPerSecond * (1 - tolerance.Fraction))} to {Rate.Format(rate.BitsPerSecond * (1 + tolerance.Fraction))}), but it was {Rate.Format(measured)}.");
    }

    [Then("the throughput is at least {rate}")]
    [StepDoc("The latest measurement is at least a rate.", Section = Section, Example = "Then the throughput is at least 10 Mbit/s")]
    public void ThenThroughputIsAtLeast(Rate rate)
    {
        var (attempt, measured) = Measured();
        if (measured < rate.BitsPerSecond)
            throw new VerdictException($"Expected the throughput ({attempt.Description}) to be at least {rate}, but it was {Rate.Format(measured)}.");
    }

    [Then("the throughput is at most {rate}")]
    [StepDoc("The latest measurement is at most a rate.", Section = Section, Example = "Then the throughput is at most 3 Mbit/s")]
    public void ThenThroughputIsAtMost(Rate rate)
    {
        var (attempt, measured) = Measured();
        if (measured > rate.BitsPerSecond)
            throw new VerdictException($"Expected the throughput ({attempt.Description}) to be at most {rate}, but it was {Rate.Format(measured)}.");
    }

    [Then("{host} receives {string}")]
    [StepDoc("A server of the host received this message (from anyone).", Section = Section, Example = "Then node 1 receives \"hello\"")]
    public Task ThenReceives(HostRef host, string message) =>
        ReceivesAsync(host, message, null, Token);

    [Then("{host} receives {string} from {address}")]
    [StepDoc("A server of the host received this message, and saw it come from this address (what NAT changes).", Section = Section,
        Example = "Then node 1 receives \"who am I\" from 192.168.1.1", Ipv6Example = "Then node 1 receives \"hello across\" from 2001:db8::2")]
    public Task ThenReceivesFrom(HostRef host, string message, IPAddress sender) =>
        ReceivesAsync(host, message, sender, Token);

    [Then("{host} receives nothing")]
    [StepDoc("No server of the host received any message or connection.", Section = Section, Example = "Then node 1 receives nothing")]
    public async Task ThenReceivesNothing(HostRef host)
    {
        var receipts = await ReceiptsAsync(host, Token).ConfigureAwait(false);
        if (receipts.Count > 0)
            throw new VerdictException($"Expected {host} to receive nothing, but its server(s) received {string.Join("; ", receipts)}.");
    }

    private async Task ReceivesAsync(HostRef host, string message, IPAddress? sender, CancellationToken cancellationToken)
    {
        message = MessageText.Parse(message);
        var expected = sender is null ? $"\"{message}\"" : $"\"{message}\" from {sender}";
        IReadOnlyList<Receipt> receipts = [];
        // A server reports after it answered; its log can trail the client's exit by a moment.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            receipts = await ReceiptsAsync(host, cancellationToken).ConfigureAwait(false);
            if (receipts.Any(r => r.Message == message && (sender is null || r.From == sender.ToString())))
                return;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new VerdictException(receipts.Count == 0
            ? $"Expected {host} to receive {expected}, but its server(s) received nothing."
            : $"Expected {host} to receive {expected}, but its server(s) received {string.Join("; ", receipts)}.");
    }

    private async Task<IReadOnlyList<Receipt>> ReceiptsAsync(HostRef host, CancellationToken cancellationToken)
    {
        var (node, address) = lab.Host(host);
        var servers = host.Node is null ? apps.ServersOn(node, address) : apps.Servers.Where(s => s.Server.Node.ContainerId == node.ContainerId).ToList();
        if (servers.Count == 0)
            throw new StepValueException($"{host} runs no server in this scenario; start one first, e.g. \"Given {host} listens on TCP port 7\".");
        var receipts = new List<Receipt>();
        foreach (var server in servers)
            receipts.AddRange(ToolOutput.Receipts((await ScenarioApps.OutputAsync(server, cancellationToken).ConfigureAwait(false)).Stderr));
        return receipts;
    }

    private (TrafficAttempt Attempt, double BitsPerSecond) Measured()
    {
        var attempt = log.Last(TrafficKind.Measurement);
        return attempt.BitsPerSecond is { } bits
            ? (attempt, bits)
            : throw new VerdictException($"The measurement ({attempt.Description}) gave no result: it {attempt.Seen}.");
    }

    private static string Responses(TrafficAttempt attempt) => attempt.Responses.Count == 0
        ? ""
        : "\nResponses, in order:\n" + string.Join("\n", attempt.Responses.Select((r, i) => $"  {i + 1}. {r.Outcome.Past()}: {r.Text}"));
}
