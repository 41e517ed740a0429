using System.Runtime.Versioning;

// The lab drives Linux-only machinery (taps, network namespaces, QEMU, /proc, flock).
[assembly: SupportedOSPlatform("linux")]
