using System.Runtime.Versioning;

// The lab drives Linux-only machinery (taps, network namespaces, QEMU, /proc, flock).
[assembly: SupportedOSPlatform("linux")]

// Tests sharing a booted lab must not depend on their order: a shuffled one (seed on stderr) proves it.
[assembly: TestCaseOrderer(typeof(Alpy.Tests.Ordering.ShuffledTestOrder))]
