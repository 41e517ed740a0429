using Typed = Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Messages;

/// <summary>
/// The fields a report cannot do without. System.Text.Json fills an absent field with null, so a message
/// missing its id or a reference would otherwise fail later, far from its line, or vanish from the totals.
/// </summary>
internal static class RequiredFields
{
    /// <summary>The first required field the envelope's message lacks ("testCase.pickleId"), or null.</summary>
    public static string? Missing(Typed.Envelope envelope) => envelope switch
    {
        { Source: { } m } => First(("source.uri", m.Uri)),
        { Pickle: { } m } => First(("pickle.id", m.Id), ("pickle.uri", m.Uri), ("pickle.steps", m.Steps)),
        { Hook: { } m } => First(("hook.id", m.Id)),
        { TestRunStarted: { } m } => First(("testRunStarted.timestamp", m.Timestamp)),
        { TestCase: { } m } => First(("testCase.id", m.Id), ("testCase.pickleId", m.PickleId), ("testCase.testSteps", m.TestSteps)),
        { TestCaseStarted: { } m } => First(("testCaseStarted.id", m.Id), ("testCaseStarted.testCaseId", m.TestCaseId), ("testCaseStarted.timestamp", m.Timestamp)),
        { TestStepFinished: { } m } => First(("testStepFinished.testCaseStartedId", m.TestCaseStartedId), ("testStepFinished.testStepId", m.TestStepId),
            ("testStepFinished.testStepResult", m.TestStepResult)),
        { TestCaseFinished: { } m } => First(("testCaseFinished.testCaseStartedId", m.TestCaseStartedId), ("testCaseFinished.timestamp", m.Timestamp)),
        { TestRunHookStarted: { } m } => First(("testRunHookStarted.id", m.Id), ("testRunHookStarted.hookId", m.HookId)),
        { TestRunHookFinished: { } m } => First(("testRunHookFinished.testRunHookStartedId", m.TestRunHookStartedId), ("testRunHookFinished.result", m.Result)),
        { Attachment: { } m } => First(("attachment.mediaType", m.MediaType)),
        _ => null,
    };

    private static string? First(params (string Name, object? Value)[] fields) =>
        fields.FirstOrDefault(f => f.Value is null || f.Value is string { Length: 0 }).Name;
}
