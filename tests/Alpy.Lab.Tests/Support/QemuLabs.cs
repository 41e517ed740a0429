namespace Alpy.Lab.Tests.Support;

/// <summary>
/// Test classes that boot QEMU run one after another: TCG takes a whole core, the machine has two, and
/// parallel boots only make each one slower (and its timeout likelier) without finishing sooner.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QemuLabs
{
    public const string Name = "QEMU labs, one at a time";
}
