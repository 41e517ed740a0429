using System.Runtime.Versioning;

// The lab drives Linux-only machinery (taps, network namespaces, QEMU, /proc).
[assembly: SupportedOSPlatform("linux")]

// The integration tests boot DUTs and run whole suites; on a 2-core machine they go one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
