namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class ParameterTypes
{
    [StepArgumentTransformation("([A-Z]{3})-([A-Z]{3})", Name = "flight")]
    public static Flight ToFlight(string from, string to) => new(from, to);

    [StepDefinition("{flight} has been delayed")]
    public void Delayed(Flight flight)
    {
        if (flight.From != "LHR" || flight.To != "CDG")
        {
            throw new InvalidOperationException($"Unexpected flight {flight}");
        }
    }

    public sealed record Flight(string From, string To);
}
