using System.Diagnostics;
using Alpy.Lab;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Teardown;

/// <summary>
/// The undo list of a bring-up: every resource pushes the step that removes it as soon as it
/// exists; <see cref="RunAsync"/> runs the steps in reverse order, each with its own timeout, and
/// never lets one failure skip the rest. Failures are aggregated into one <see cref="LabTeardownException"/>.
/// </summary>
public sealed class TeardownPlan
{
    private readonly Lock _gate = new();
    private readonly Stack<TeardownStep> _steps = new();
    private readonly ILogger _logger;

    public TeardownPlan(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    /// <summary>How many steps are waiting to run.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _steps.Count;
        }
    }

    /// <summary>Adds a step; it runs before every step pushed earlier. Safe to call from parallel bring-up tasks.</summary>
    public void Push(string name, Func<CancellationToken, Task> undo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(undo);
        lock (_gate)
            _steps.Push(new TeardownStep(name, undo));
    }

    /// <summary>
    /// Runs every pushed step, last pushed first, and empties the stack. A step that throws or
    /// overruns <paramref name="stepTimeout"/> is recorded and the next step runs anyway.
    /// </summary>
    /// <returns>How long each step took, in the order they ran.</returns>
    /// <exception cref="LabTeardownException">One or more steps failed; lists each with its error.</exception>
    public async Task<IReadOnlyList<TeardownTiming>> RunAsync(TimeSpan stepTimeout)
    {
        var timings = new List<TeardownTiming>();
        var failures = new List<TeardownFailure>();
        while (TryPop(out var step))
        {
            var watch = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(stepTimeout);
            try
            {
                await step.Undo(timeout.Token).WaitAsync(stepTimeout).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested))
            {
                failures.Add(new TeardownFailure(step.Name, new TimeoutException(
                    $"did not finish within {stepTimeout.TotalSeconds:0.#} s", e)));
                Log.TeardownStepFailed(_logger, step.Name, "timed out");
            }
            catch (Exception e)
            {
                failures.Add(new TeardownFailure(step.Name, e));
                Log.TeardownStepFailed(_logger, step.Name, e.Message);
            }
            timings.Add(new TeardownTiming(step.Name, watch.Elapsed));
        }
        return failures.Count == 0 ? timings : throw new LabTeardownException(failures, timings);
    }

    private bool TryPop(out TeardownStep step)
    {
        lock (_gate)
            return _steps.TryPop(out step!);
    }

    private sealed record TeardownStep(string Name, Func<CancellationToken, Task> Undo);
}
