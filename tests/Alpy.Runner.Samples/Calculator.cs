namespace Alpy.Runner.Samples;

/// <summary>A POCO injected per scenario; its disposal is logged to prove the scenario scope ends.</summary>
public sealed class Calculator(RunLog log) : IDisposable
{
    public int Result { get; private set; }

    public bool On { get; set; } = true;

    public void Add(params int[] numbers) => Result += numbers.Sum();

    public void Dispose() => log.Write("dispose Calculator");
}

/// <summary>Writes what happened to $ALPY_SAMPLES_OUT/run.log, so tests can check the order of hooks.</summary>
public sealed class RunLog
{
    private static readonly object Gate = new();

    public void Write(string line)
    {
        var directory = Environment.GetEnvironmentVariable("ALPY_SAMPLES_OUT");
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(Path.Combine(directory, "run.log"), line + Environment.NewLine);
        }
    }
}
