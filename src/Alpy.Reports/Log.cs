using Microsoft.Extensions.Logging;

namespace Alpy.Reports;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Report of run {RunId} written to {RunDirectory}: {Totals} ({Status})")]
    public static partial void ReportWritten(ILogger logger, string runId, string runDirectory, string totals, string status);

    [LoggerMessage(2, LogLevel.Debug, "Read {Envelopes} envelopes from {Streams} stream(s); {Files} attachment file(s) written")]
    public static partial void StreamRead(ILogger logger, int envelopes, int streams, int files);

    [LoggerMessage(3, LogLevel.Warning, "{Warning}")]
    public static partial void ReportWarning(ILogger logger, string warning);
}
