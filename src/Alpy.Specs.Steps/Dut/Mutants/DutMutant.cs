namespace Alpy.Specs.Steps.Dut.Mutants;

/// <summary>
/// Deliberate mistakes a <see cref="MutantDriver"/> makes, to prove the suite is not green by construction: with a
/// mutant on, exactly the scenarios that depend on the mutated behaviour must fail. Selected with ALPY_DUT_MUTANTS.
/// </summary>
[Flags]
public enum DutMutant
{
    None = 0,

    /// <summary>Drop and reject rules are not applied: blocked traffic passes.</summary>
    IgnoreFilters = 1,

    /// <summary>Reroutes go to the wanted port + 1.</summary>
    RerouteWrongPort = 2,

    /// <summary>Masquerade rules are not applied: servers see the client's own address.</summary>
    ForgetMasquerade = 4,

    /// <summary>Rate limits are not applied.</summary>
    NoRateLimit = 8,

    /// <summary>Balancing sends every connection to the first backend.</summary>
    FirstBackendOnly = 16,

    /// <summary>Switching forwarding off is ignored.</summary>
    KeepForwarding = 32,

    /// <summary>Drop and reject rules are stateless: they also stop the replies of flows the other side started.
    /// (Masked by <see cref="IgnoreFilters"/>, which applies no rule at all.)</summary>
    StatelessFilters = 64,

    /// <summary>Drop and reject rules that name no family are applied to IPv4 only: the classic hole, IPv6 left open.
    /// (Masked by <see cref="IgnoreFilters"/>.)</summary>
    ForgetIpv6 = 128,
}

/// <summary>The names of <see cref="DutMutant"/> in settings: <c>ignore-filters,reroute-wrong-port</c> or <c>all</c>.</summary>
public static class DutMutants
{
    private static readonly (string Name, DutMutant Mutant)[] Names =
    [
        ("ignore-filters", DutMutant.IgnoreFilters),
        ("reroute-wrong-port", DutMutant.RerouteWrongPort),
        ("forget-masquerade", DutMutant.ForgetMasquerade),
        ("no-rate-limit", DutMutant.NoRateLimit),
        ("first-backend-only", DutMutant.FirstBackendOnly),
        ("keep-forwarding", DutMutant.KeepForwarding),
        ("stateless-filters", DutMutant.StatelessFilters),
        ("forget-ipv6", DutMutant.ForgetIpv6),
    ];

    /// <summary>Every mutant.</summary>
    public static DutMutant All => Names.Aggregate(DutMutant.None, (all, n) => all | n.Mutant);

    /// <summary>Parses a comma-separated list of names, or <c>all</c>, or an empty text for none.</summary>
    /// <exception cref="FormatException">An unknown name; the message lists the known ones.</exception>
    public static DutMutant Parse(string? text)
    {
        var result = DutMutant.None;
        foreach (var name in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name == "all")
            {
                result |= All;
                continue;
            }

            var match = Names.FirstOrDefault(n => n.Name == name);
            result |= match.Name is not null
                ? match.Mutant
                : throw new FormatException($"\"{name}\" is not a DUT mutant; use all or any of {string.Join(", ", Names.Select(n => n.Name))}, separated by commas.");
        }

        return result;
    }

    /// <summary>The names of the mutants set in <paramref name="mutants"/>.</summary>
    public static string Describe(DutMutant mutants) =>
        mutants == DutMutant.None ? "none" : string.Join(",", Names.Where(n => mutants.HasFlag(n.Mutant)).Select(n => n.Name));
}
