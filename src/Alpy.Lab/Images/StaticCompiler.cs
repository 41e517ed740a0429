using System.ComponentModel;
using System.Diagnostics;

namespace Alpy.Lab.Images;

/// <summary>Compiles a <see cref="CProgram"/> with the host's <c>gcc -static</c>, in a private temporary directory removed afterwards.</summary>
internal static class StaticCompiler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<byte[]> CompileAsync(string imageName, CProgram program, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory($"alpy-image-{imageName}-");
        try
        {
            var source = Path.Combine(directory.FullName, "program.c");
            var output = Path.Combine(directory.FullName, "program");
            await File.WriteAllTextAsync(source, program.Source, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo("gcc") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-static", "-o", output }.Concat(program.CompilerArguments).Append(source))
            {
                start.ArgumentList.Add(argument);
            }

            var stderr = await RunAsync(start, imageName, program, cancellationToken).ConfigureAwait(false);
            return File.Exists(output)
                ? await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false)
                : throw new ImageBuildException($"Image '{imageName}': gcc wrote no program for {program.ImagePath}. gcc said: {stderr}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(ProcessStartInfo start, string imageName, CProgram program, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ImageBuildException($"Image '{imageName}': gcc did not start.");
        }
        catch (Win32Exception e)
        {
            throw new ImageBuildException(
                $"Image '{imageName}' compiles {program.ImagePath} with gcc, which is not installed. "
                + "Install the Debian packages gcc and libc6-dev (apt-get install gcc libc6-dev, or run scripts/install-prerequisites).",
                e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ImageBuildException($"Image '{imageName}': gcc did not compile {program.ImagePath} within {Timeout.TotalSeconds:0} s.");
            }

            await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            return process.ExitCode == 0
                ? errors
                : throw new ImageBuildException(
                    $"Image '{imageName}': gcc failed ({process.ExitCode}) to compile {program.ImagePath}:\n{Tail(errors)}"
                    + (errors.Contains("cannot find -lc", StringComparison.Ordinal) ? "\nInstall libc6-dev (static libc) with apt-get install libc6-dev." : ""));
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}
