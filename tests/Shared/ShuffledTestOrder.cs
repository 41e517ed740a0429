using System.Globalization;
using Xunit.Sdk;
using Xunit.v3;

namespace Alpy.Tests.Ordering;

/// <summary>
/// Runs each test class's tests in a shuffled order, so that a test depending on what an earlier one left on a
/// shared booted DUT fails in this project's own CI, not only in a clone whose test IDs happen to sort badly
/// (xUnit's default order is stable per test ID, and IDs change with the clone's path). The seed is random per
/// run and printed on stderr; <c>ALPY_TEST_SEED=N</c> runs that order again.
/// </summary>
public sealed class ShuffledTestOrder : ITestCaseOrderer
{
    public const string SeedVariable = "ALPY_TEST_SEED";

    private static readonly Lazy<int> LazySeed = new(ChooseSeed);

    /// <summary>This run's seed.</summary>
    public static int Seed => LazySeed.Value;

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase
    {
        // Sorted first, so that the seed alone decides the order; shuffled per class, with the class in the seed,
        // so that adding a test to one class does not reorder the others.
        var sorted = testCases.OrderBy(t => t.UniqueID, StringComparer.Ordinal).ToArray();
        var className = sorted.FirstOrDefault()?.TestClassName ?? string.Empty;
        new Random(Seed ^ StableHash(className)).Shuffle(sorted);
        return sorted;
    }

    private static int ChooseSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        TestContext.Current.SendDiagnosticMessage($"Tests of a class run in a shuffled order: seed {seed} ({SeedVariable}={seed} repeats it).");
        return seed;
    }

    /// <summary>string.GetHashCode differs per process; this does not.</summary>
    private static int StableHash(string text)
    {
        var hash = unchecked((int)2166136261);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}
