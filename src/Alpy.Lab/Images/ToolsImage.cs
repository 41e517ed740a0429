namespace Alpy.Lab.Images;

/// <summary>
/// The lab's default image for node, helper and app containers: busybox's applets (shell, ping, nc, wget,
/// httpd...), socat (UDP and TCP clients and servers), iperf3, and iproute2's <c>ip</c> and <c>tc</c>, which
/// busybox lacks (<c>ip tuntap</c>, <c>ip link set ... netns</c>, qdiscs). All from Debian packages of the host.
/// </summary>
public static class ToolsImage
{
    /// <summary>The busybox applets linked into <c>/bin</c>; <c>ip</c> and <c>tc</c> come from iproute2 instead.</summary>
    public static IReadOnlyList<string> Applets { get; } =
    [
        "[", "[[", "arp", "arping", "ash", "awk", "base64", "basename", "cat", "chmod", "cp", "cut", "date", "dd", "dirname", "dmesg",
        "echo", "env", "expr", "false", "find", "grep", "gunzip", "gzip", "head", "hexdump", "hostname", "httpd", "id", "ifconfig",
        "ipcalc", "kill", "killall", "less", "ln", "ls", "md5sum", "mkdir", "mkfifo", "mktemp", "mv", "nc", "netstat", "nproc",
        "nslookup", "nsenter", "od", "pidof", "ping", "ping6", "printf", "ps", "pwd", "readlink", "realpath", "rm", "rmdir", "route",
        "sed", "seq", "sh", "sha256sum", "sleep", "sort", "stat", "sysctl", "tail", "tar", "tee", "telnet", "test", "tftp",
        "timeout", "touch", "tr", "traceroute", "traceroute6", "true", "udhcpc", "uname", "uniq", "unshare", "usleep", "vi",
        "watch", "wc", "wget", "which", "xargs", "xxd", "yes",
    ];

    /// <summary>The recipe.</summary>
    public static ImageRecipe Recipe { get; } = new()
    {
        Name = "tools",
        Files =
        [
            new HostFile("/bin/busybox", "busybox-static"),
            new HostFile("/usr/bin/socat", "socat"),
            new HostFile("/usr/bin/iperf3", "iperf3"),
            new HostFile("/sbin/ip", "iproute2"),
            new HostFile("/sbin/tc", "iproute2"),
        ],
        Links = ImageRecipe.BusyboxApplets("busybox", "/bin", [.. Applets]),
        Directories =
        [
            new ImageDirectory("/tmp", ImageDirectory.Sticky),
            new ImageDirectory("/root", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute),
            new ImageDirectory("/proc"), new ImageDirectory("/sys"), new ImageDirectory("/dev"), new ImageDirectory("/run"),
            new ImageDirectory("/var"),
        ],
        GeneratedFiles =
        [
            GeneratedFile.FromText("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"),
            GeneratedFile.FromText("/etc/group", "root:x:0:\nnogroup:x:65534:\n"),
        ],
        Environment = new Dictionary<string, string> { ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
        Cmd = ["sh"],
    };
}
