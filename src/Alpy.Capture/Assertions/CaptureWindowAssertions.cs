using System.Linq.Expressions;
using FluentAssertions;
using FluentAssertions.Collections;
using FluentAssertions.Execution;

namespace Alpy.Capture;

/// <summary>
/// Assertions on the frames of a <see cref="CaptureWindow"/>, by tcpdump filter expression or by predicate (over
/// PacketDotNet's decoding). Every failure says which capture and window was looked at and lists what it held as
/// tcpdump prints it, so that a failed scenario step explains itself. All of FluentAssertions' collection
/// assertions apply as well.
/// </summary>
public sealed class CaptureWindowAssertions : GenericCollectionAssertions<CaptureWindow, Frame, CaptureWindowAssertions>
{
    public CaptureWindowAssertions(CaptureWindow window)
        : base(window)
    {
    }

    protected override string Identifier => "capture";

    /// <summary>Asserts that at least one frame passes the filter; <c>.Which</c> is the first such frame.</summary>
    public AndWhichConstraint<CaptureWindowAssertions, Frame> ContainFrame(string filter, string because = "", params object[] becauseArgs)
    {
        CaptureWindow matching = Subject.Matching(filter);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(matching.Count > 0)
            .FailWith(FailureText.Escape($"Expected {Subject.Description} to contain a frame matching \"{filter}\"") + "{reason}" +
                      FailureText.Escape($", but none of its frames matched.{FailureText.Contents(Subject)}"));
        return new AndWhichConstraint<CaptureWindowAssertions, Frame>(this, matching.Take(1));
    }

    /// <summary>Asserts how many frames pass the filter, e.g. <c>ContainFrame("icmp", Exactly.Twice())</c>; <c>.Which</c> are those frames.</summary>
    public AndWhichConstraint<CaptureWindowAssertions, CaptureWindow> ContainFrame(string filter, OccurrenceConstraint occurrenceConstraint, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(occurrenceConstraint);
        CaptureWindow matching = Subject.Matching(filter);
        string found = matching.Count == 0 ? string.Empty : $" These matched:\n{FailureText.Lines(Subject, matching)}\n";
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForConstraint(occurrenceConstraint, matching.Count)
            .FailWith(FailureText.Escape($"Expected {Subject.Description} to contain frames matching \"{filter}\" ") + "{expectedOccurrence}{reason}" +
                      FailureText.Escape($", but found {matching.Count}.{found}{FailureText.Contents(Subject)}"));
        return new AndWhichConstraint<CaptureWindowAssertions, CaptureWindow>(this, matching);
    }

    /// <summary>Asserts that no frame passes the filter; the failure lists the frames that did.</summary>
    public AndConstraint<CaptureWindowAssertions> NotContainFrame(string filter, string because = "", params object[] becauseArgs)
    {
        CaptureWindow matching = Subject.Matching(filter);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(matching.Count == 0)
            .FailWith(FailureText.Escape($"Expected {Subject.Description} to contain no frame matching \"{filter}\"") + "{reason}" +
                      FailureText.Escape($", but {matching.Count} did:\n{FailureText.Lines(Subject, matching)}"));
        return new AndConstraint<CaptureWindowAssertions>(this);
    }

    /// <summary>Asserts that at least one frame satisfies the predicate; <c>.Which</c> is the first.</summary>
    public AndWhichConstraint<CaptureWindowAssertions, Frame> ContainFrame(Expression<Func<Frame, bool>> predicate, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Frame[] matching = Subject.Matching(predicate.Compile(), PredicateText.Describe(predicate)).Take(1).ToArray();
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(matching.Length > 0)
            .FailWith(FailureText.Escape($"Expected {Subject.Description} to contain a frame where {PredicateText.Describe(predicate)}") + "{reason}" +
                      FailureText.Escape($", but none of its frames did.{FailureText.Contents(Subject)}"));
        return new AndWhichConstraint<CaptureWindowAssertions, Frame>(this, matching);
    }

    /// <summary>Asserts that no frame satisfies the predicate; the failure lists those that do.</summary>
    public AndConstraint<CaptureWindowAssertions> NotContainFrame(Expression<Func<Frame, bool>> predicate, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        CaptureWindow matching = Subject.Matching(predicate.Compile(), PredicateText.Describe(predicate));
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(matching.Count == 0)
            .FailWith(FailureText.Escape($"Expected {Subject.Description} to contain no frame where {PredicateText.Describe(predicate)}") + "{reason}" +
                      FailureText.Escape($", but {matching.Count} did:\n{FailureText.Lines(Subject, matching)}"));
        return new AndConstraint<CaptureWindowAssertions>(this);
    }

    /// <summary>
    /// Asserts that frames matching each filter appear in this order (each after the previous one's frame),
    /// e.g. the SYN, then the SYN-ACK, then the ACK; <c>.Which</c> are the frames found.
    /// </summary>
    public AndWhichConstraint<CaptureWindowAssertions, IReadOnlyList<Frame>> ContainFramesInOrder(params string[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var found = new List<Frame>();
        CaptureWindow rest = Subject;
        foreach (string filter in filters)
        {
            CaptureWindow candidates = rest.Matching(filter);
            Frame? next = candidates.Count > 0 ? candidates[0] : null;
            if (next is null)
            {
                string after = found.Count == 0 ? string.Empty : $" after frame #{found[^1].Number}";
                Execute.Assertion.FailWith(FailureText.Escape(
                    $"Expected {Subject.Description} to contain frames matching {string.Join(", then ", filters.Select(f => $"\"{f}\""))}, " +
                    $"but found no frame matching \"{filter}\"{after}.{FailureText.Contents(Subject)}"));
                break;
            }

            found.Add(next);
            rest = rest.After(next);
        }

        return new AndWhichConstraint<CaptureWindowAssertions, IReadOnlyList<Frame>>(this, [found]);
    }
}
