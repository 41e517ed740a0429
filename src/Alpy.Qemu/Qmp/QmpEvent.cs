using System.Text.Json;

namespace Alpy.Qemu.Qmp;

/// <summary>An asynchronous QMP event (SHUTDOWN, STOP, RESUME, POWERDOWN...) with its data (an empty object
/// when the event has none) and QEMU's timestamp.</summary>
public sealed record QmpEvent(string Name, JsonElement Data, DateTimeOffset Timestamp);
