using System.Text.Json.Serialization;
using Alpy.Docker.Json;

namespace Alpy.Docker;

/// <summary>The wire form of an <see cref="ExecSpec"/>: output is always attached, stdin never.</summary>
internal sealed record ExecCreateBody(
    IReadOnlyList<string> Cmd,
    [property: JsonConverter(typeof(EnvironmentListConverter))] IReadOnlyDictionary<string, string>? Env,
    string? User,
    string? WorkingDir,
    bool Tty,
    bool AttachStdout,
    bool AttachStderr)
{
    public static ExecCreateBody From(ExecSpec spec, bool attach) =>
        new(spec.Cmd, spec.Environment, spec.User, spec.WorkingDir, spec.Tty, attach, attach);
}

/// <summary>The body of <c>POST /exec/{id}/start</c>.</summary>
internal sealed record ExecStartBody(bool Detach, bool Tty);
