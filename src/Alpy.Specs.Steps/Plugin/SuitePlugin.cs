using Reqnroll.Formatters.PayloadProcessing;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace Alpy.Specs.Steps.Plugin;

/// <summary>
/// The suite's Reqnroll runtime plugin: what Reqnroll lacks for this suite, at its extension points. A suite project
/// enables it with <c>[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(Alpy.Specs.Steps.Plugin.SuitePlugin))]</c>: Reqnroll
/// loads the test assembly's plugins after those beside it, so this one's registrations come after Reqnroll.xunit.v3's.
/// <list type="bullet">
/// <item>Attachments reach the xUnit result too (TRX, IDEs), not only the message stream: Reqnroll's xUnit v3 plugin
/// registers a handler that only logs "Attachment '...' added (not forwarded to the test runner)".</item>
/// <item>Packet captures carry their media type: Reqnroll takes an attachment's media type from its file extension and
/// knows no pcap.</item>
/// </list>
/// </summary>
public sealed class SuitePlugin : IRuntimePlugin
{
    /// <summary>Media types Reqnroll's extension map lacks (IANA: application/vnd.tcpdump.pcap).</summary>
    internal static IReadOnlyDictionary<string, string> MediaTypes { get; } = new Dictionary<string, string>
    {
        [".pcap"] = "application/vnd.tcpdump.pcap",
        [".pcapng"] = "application/vnd.tcpdump.pcap",
    };

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        foreach (var (extension, mediaType) in MediaTypes)
            FileExtensionToMimeTypeMap.ExtensionToMimeType[extension] = mediaType;
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
    }
}
