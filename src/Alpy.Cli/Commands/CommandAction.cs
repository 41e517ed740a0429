using Alpy.Reports;
using Alpy.Reports.Messages;

namespace Alpy.Cli.Commands;

/// <summary>
/// Runs a command's work and turns exceptions into exit codes and one clear message on standard error:
/// bad input is the user's to fix (exit 2), anything else is a bug in alpy (exit 70, with the stack).
/// </summary>
internal static class CommandAction
{
    public static async Task<int> RunAsync(CliConsole console, string command, Func<Task<int>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync($"alpy {command}: interrupted; nothing half-written was left in place.").ConfigureAwait(false);
            return ExitCodes.Canceled;
        }
        catch (Exception e) when (e is ReportException or MessageStreamException or ArgumentException or FormatException)
        {
            await console.Error.WriteLineAsync($"alpy {command}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync($"alpy {command}: unexpected {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync("This is a bug in alpy; please report it with the details below.").ConfigureAwait(false);
            await console.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
