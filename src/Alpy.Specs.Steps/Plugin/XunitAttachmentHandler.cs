using Reqnroll.Formatters.PayloadProcessing;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace Alpy.Specs.Steps.Plugin;

/// <summary>
/// Forwards every attachment (<c>IReqnrollOutputHelper.AddAttachment(path)</c>) to the running xUnit v3 test, so that
/// TRX files and IDE test explorers show the pcaps and excerpts as well as the report. Reqnroll's own handler for xUnit
/// only logs that it did not (no Reqnroll issue yet; <c>XunitAttachmentHandlerTests</c> pins the gap).
/// </summary>
public sealed class XunitAttachmentHandler(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        var context = Xunit.TestContext.Current;
        var name = Path.GetFileName(filePath);
        for (var n = 2; context.Attachments?.ContainsKey(name) == true; n++)
            name = $"{Path.GetFileNameWithoutExtension(filePath)} ({n}){Path.GetExtension(filePath)}";
        context.AddAttachment(name, File.ReadAllBytes(filePath), FileExtensionToMimeTypeMap.GetMimeType(Path.GetExtension(filePath)));
    }
}
