namespace Alpy.Runner.Tests.Cck;

/// <summary>Failures with the words the kit's reference (Node's assert) uses, so messages compare.</summary>
internal static class CckAssert
{
    public static void StrictEqual(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected values to be strictly equal:\n\n{actual} !== {expected}\n");
        }
    }

    /// <summary>The sample's own files (images, PDF) for steps that attach them.</summary>
    public static string SampleFile(string sample, string file) => Path.Combine(CckSample.SamplesDirectory, sample, file);
}
