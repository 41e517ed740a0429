using System.Text.Json;

namespace Alpy.Runner.Messages;

/// <summary>
/// Writes the messages a run sends per step and per test case (<c>testCase</c>, <c>testCaseStarted</c>,
/// <c>testStepStarted</c>, <c>testStepFinished</c>, <c>testCaseFinished</c>) straight to the JSON
/// writer, byte for byte as the source-generated serializer writes them (a test compares both).
/// They are most of a stream's lines, and the serializer takes several microseconds and a few
/// hundred bytes of garbage for each (measured; docs/runner.md).
/// Lists are walked by index: they are arrays behind <see cref="IReadOnlyList{T}"/>, and a
/// <c>foreach</c> over the interface allocates an enumerator per list, three per test step.
/// </summary>
internal static class StepMessageWriter
{
    private static readonly JsonEncodedText TestCaseStartedName = JsonEncodedText.Encode("testCaseStarted");
    private static readonly JsonEncodedText TestStepStartedName = JsonEncodedText.Encode("testStepStarted");
    private static readonly JsonEncodedText TestStepFinishedName = JsonEncodedText.Encode("testStepFinished");
    private static readonly JsonEncodedText TestCaseFinishedName = JsonEncodedText.Encode("testCaseFinished");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText TestCaseId = JsonEncodedText.Encode("testCaseId");
    private static readonly JsonEncodedText Attempt = JsonEncodedText.Encode("attempt");
    private static readonly JsonEncodedText WorkerId = JsonEncodedText.Encode("workerId");
    private static readonly JsonEncodedText TestCaseStartedId = JsonEncodedText.Encode("testCaseStartedId");
    private static readonly JsonEncodedText TestStepId = JsonEncodedText.Encode("testStepId");
    private static readonly JsonEncodedText TestStepResult = JsonEncodedText.Encode("testStepResult");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Exception = JsonEncodedText.Encode("exception");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText StackTrace = JsonEncodedText.Encode("stackTrace");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText WillBeRetried = JsonEncodedText.Encode("willBeRetried");
    private static readonly JsonEncodedText TestCaseName = JsonEncodedText.Encode("testCase");
    private static readonly JsonEncodedText PickleId = JsonEncodedText.Encode("pickleId");
    private static readonly JsonEncodedText TestSteps = JsonEncodedText.Encode("testSteps");
    private static readonly JsonEncodedText TestRunStartedId = JsonEncodedText.Encode("testRunStartedId");
    private static readonly JsonEncodedText HookId = JsonEncodedText.Encode("hookId");
    private static readonly JsonEncodedText PickleStepId = JsonEncodedText.Encode("pickleStepId");
    private static readonly JsonEncodedText StepDefinitionIds = JsonEncodedText.Encode("stepDefinitionIds");
    private static readonly JsonEncodedText StepMatchArgumentsLists = JsonEncodedText.Encode("stepMatchArgumentsLists");
    private static readonly JsonEncodedText StepMatchArguments = JsonEncodedText.Encode("stepMatchArguments");
    private static readonly JsonEncodedText GroupName = JsonEncodedText.Encode("group");
    private static readonly JsonEncodedText ParameterTypeName = JsonEncodedText.Encode("parameterTypeName");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Children = JsonEncodedText.Encode("children");
    private static readonly JsonEncodedText Seconds = JsonEncodedText.Encode("seconds");
    private static readonly JsonEncodedText Nanos = JsonEncodedText.Encode("nanos");

    /// <summary>Writes the envelope when its message is one of the per-step messages; false for every other message.</summary>
    /// <remarks>An envelope carries exactly one message (see <see cref="Envelope"/>); the runner builds every one.</remarks>
    public static bool TryWrite(Utf8JsonWriter json, Envelope envelope)
    {
        if (envelope.TestStepStarted is { } started)
        {
            json.WriteStartObject();
            json.WriteStartObject(TestStepStartedName);
            json.WriteString(TestCaseStartedId, started.TestCaseStartedId);
            json.WriteString(TestStepId, started.TestStepId);
            WriteTime(json, Timestamp, started.Timestamp.Seconds, started.Timestamp.Nanos);
        }
        else if (envelope.TestStepFinished is { } finished)
        {
            json.WriteStartObject();
            json.WriteStartObject(TestStepFinishedName);
            json.WriteString(TestCaseStartedId, finished.TestCaseStartedId);
            json.WriteString(TestStepId, finished.TestStepId);
            WriteResult(json, finished.TestStepResult);
            WriteTime(json, Timestamp, finished.Timestamp.Seconds, finished.Timestamp.Nanos);
        }
        else if (envelope.TestCaseStarted is { } caseStarted)
        {
            json.WriteStartObject();
            json.WriteStartObject(TestCaseStartedName);
            json.WriteString(Id, caseStarted.Id);
            json.WriteString(TestCaseId, caseStarted.TestCaseId);
            json.WriteNumber(Attempt, caseStarted.Attempt);
            WriteTime(json, Timestamp, caseStarted.Timestamp.Seconds, caseStarted.Timestamp.Nanos);
            if (caseStarted.WorkerId is not null)
            {
                json.WriteString(WorkerId, caseStarted.WorkerId);
            }
        }
        else if (envelope.TestCaseFinished is { } caseFinished)
        {
            json.WriteStartObject();
            json.WriteStartObject(TestCaseFinishedName);
            json.WriteString(TestCaseStartedId, caseFinished.TestCaseStartedId);
            WriteTime(json, Timestamp, caseFinished.Timestamp.Seconds, caseFinished.Timestamp.Nanos);
            json.WriteBoolean(WillBeRetried, caseFinished.WillBeRetried);
        }
        else if (envelope.TestCase is { } testCase)
        {
            json.WriteStartObject();
            json.WriteStartObject(TestCaseName);
            json.WriteString(Id, testCase.Id);
            json.WriteString(PickleId, testCase.PickleId);
            json.WriteStartArray(TestSteps);
            for (var stepIndex = 0; stepIndex < testCase.TestSteps.Count; stepIndex++)
            {
                WriteTestStep(json, testCase.TestSteps[stepIndex]);
            }

            json.WriteEndArray();
            json.WriteString(TestRunStartedId, testCase.TestRunStartedId);
        }
        else
        {
            return false;
        }

        json.WriteEndObject();
        json.WriteEndObject();
        return true;
    }

    private static void WriteTestStep(Utf8JsonWriter json, TestStep step)
    {
        json.WriteStartObject();
        json.WriteString(Id, step.Id);
        if (step.HookId is not null)
        {
            json.WriteString(HookId, step.HookId);
        }

        if (step.PickleStepId is not null)
        {
            json.WriteString(PickleStepId, step.PickleStepId);
        }

        if (step.StepDefinitionIds is not null)
        {
            json.WriteStartArray(StepDefinitionIds);
            for (var idIndex = 0; idIndex < step.StepDefinitionIds.Count; idIndex++)
            {
                json.WriteStringValue(step.StepDefinitionIds[idIndex]);
            }

            json.WriteEndArray();
        }

        if (step.StepMatchArgumentsLists is not null)
        {
            json.WriteStartArray(StepMatchArgumentsLists);
            for (var listIndex = 0; listIndex < step.StepMatchArgumentsLists.Count; listIndex++)
            {
                var list = step.StepMatchArgumentsLists[listIndex];
                json.WriteStartObject();
                json.WriteStartArray(StepMatchArguments);
                for (var argumentIndex = 0; argumentIndex < list.StepMatchArguments.Count; argumentIndex++)
                {
                    var argument = list.StepMatchArguments[argumentIndex];
                    json.WriteStartObject();
                    json.WritePropertyName(GroupName);
                    WriteGroup(json, argument.Group);
                    if (argument.ParameterTypeName is not null)
                    {
                        json.WriteString(ParameterTypeName, argument.ParameterTypeName);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, Group group)
    {
        json.WriteStartObject();
        if (group.Start is { } start)
        {
            json.WriteNumber(Start, start);
        }

        if (group.Value is not null)
        {
            json.WriteString(Value, group.Value);
        }

        if (group.Children is not null)
        {
            json.WriteStartArray(Children);
            for (var childIndex = 0; childIndex < group.Children.Count; childIndex++)
            {
                WriteGroup(json, group.Children[childIndex]);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, TestStepResult result)
    {
        json.WriteStartObject(TestStepResult);
        json.WriteString(Status, result.Status);
        WriteTime(json, Duration, result.Duration.Seconds, result.Duration.Nanos);
        if (result.Message is not null)
        {
            json.WriteString(Message, result.Message);
        }

        if (result.Exception is { } exception)
        {
            json.WriteStartObject(Exception);
            json.WriteString(Type, exception.Type);
            if (exception.Message is not null)
            {
                json.WriteString(Message, exception.Message);
            }

            if (exception.StackTrace is not null)
            {
                json.WriteString(StackTrace, exception.StackTrace);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, JsonEncodedText name, long seconds, int nanos)
    {
        json.WriteStartObject(name);
        json.WriteNumber(Seconds, seconds);
        json.WriteNumber(Nanos, nanos);
        json.WriteEndObject();
    }
}
