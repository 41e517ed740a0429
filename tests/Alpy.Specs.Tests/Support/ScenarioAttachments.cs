using System.Text.Json;

namespace Alpy.Specs.Tests.Support;

/// <summary>Reads a run's Cucumber Messages stream: the attachments of each scenario (by pickle name), in order.</summary>
internal static class ScenarioAttachments
{
    public static async Task<IReadOnlyDictionary<string, List<Attachment>>> ReadAsync(string stream)
    {
        var pickles = new Dictionary<string, string>();
        var testCases = new Dictionary<string, string>();
        var started = new Dictionary<string, string>();
        var attachments = new Dictionary<string, List<Attachment>>();
        foreach (var line in await File.ReadAllLinesAsync(stream, TestContext.Current.CancellationToken))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("pickle", out var pickle))
                pickles[pickle.GetProperty("id").GetString()!] = pickle.GetProperty("name").GetString()!;
            else if (root.TryGetProperty("testCase", out var testCase))
                testCases[testCase.GetProperty("id").GetString()!] = pickles[testCase.GetProperty("pickleId").GetString()!];
            else if (root.TryGetProperty("testCaseStarted", out var caseStarted))
                started[caseStarted.GetProperty("id").GetString()!] = testCases[caseStarted.GetProperty("testCaseId").GetString()!];
            else if (root.TryGetProperty("attachment", out var attachment) && attachment.TryGetProperty("testCaseStartedId", out var startedId)
                     && started.TryGetValue(startedId.GetString() ?? "", out var name))
            {
                var body = attachment.GetProperty("body").GetString()!;
                var bytes = attachment.GetProperty("contentEncoding").GetString() == "BASE64" ? Convert.FromBase64String(body) : System.Text.Encoding.UTF8.GetBytes(body);
                var fileName = attachment.TryGetProperty("fileName", out var file) ? file.GetString() : null;
                (attachments.TryGetValue(name, out var list) ? list : attachments[name] = []).Add(new Attachment(fileName, attachment.GetProperty("mediaType").GetString()!, bytes));
            }
        }

        return attachments;
    }
}

/// <summary>One piece of evidence: its file name (if any), media type and content.</summary>
internal sealed record Attachment(string? FileName, string MediaType, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
