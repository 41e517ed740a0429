namespace Alpy.Specs.Steps.Frames;

/// <summary>
/// What a capture step looks for: the reader's words, the tcpdump (libpcap BPF) filter they stand for, and how many
/// matching frames are expected.
/// </summary>
/// <param name="Description">The words, e.g. "a TCP SYN to 192.168.1.2 port 88".</param>
/// <param name="Filter">The BPF filter, e.g. "(tcp[tcpflags] &amp; (tcp-syn|tcp-ack) == tcp-syn) and (dst host 192.168.1.2) and (dst port 88)".</param>
/// <param name="Quantity">How many matching frames are expected.</param>
public sealed record FrameQuery(string Description, string Filter, Quantity Quantity);
