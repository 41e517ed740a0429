using System.Reflection;
using System.Runtime.InteropServices;

namespace Alpy.Runner.Messages;

/// <summary>The <c>meta</c> message: this runner, the .NET runtime, the OS and CPU.</summary>
internal static class MetaFactory
{
    public const string ProtocolVersion = "30.1.0";

    public static Meta Create()
    {
        var version = typeof(MetaFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return new Meta(
            ProtocolVersion,
            new Product("Alpy.Runner", version),
            new Product(".NET", Environment.Version.ToString()),
            new Product(RuntimeInformation.OSDescription),
            new Product(RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()));
    }
}
