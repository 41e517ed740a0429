namespace Alpy.Runner.Output;

/// <summary>One piece of evidence: text (kept as is) or bytes (base64 in the stream).</summary>
internal sealed record AttachmentData(string MediaType, string? Text, byte[]? Bytes, string? FileName)
{
    public const string LogMediaType = "text/x.cucumber.log+plain";

    /// <summary>The most evidence one attachment may carry; more is an error, not a slow run.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public bool IsLog => MediaType == LogMediaType;
}

/// <summary>Where the output of the code that runs now goes: a scenario's step or hook, or a test-run hook.</summary>
internal interface IOutputTarget
{
    void Attach(AttachmentData attachment);
}
