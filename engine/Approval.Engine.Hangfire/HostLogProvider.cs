using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Approval.Engine.Hangfire;

/// <summary>Hangfire's logging into this host's loggers, surviving the host's disposal.</summary>
/// <remarks>
/// Hangfire keeps one log provider per process. With several hosts in a process (tests, tools) the one set last may
/// belong to a host already disposed; Hangfire's default then throws from deep inside job creation. This one goes
/// quiet instead.
/// </remarks>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new ForwardingLog(loggers.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new ForwardingLog(null);
        }
    }

    private sealed class ForwardingLog(Microsoft.Extensions.Logging.ILogger? logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MsLogLevel.Trace,
                HangfireLogLevel.Debug => MsLogLevel.Debug,
                HangfireLogLevel.Info => MsLogLevel.Information,
                HangfireLogLevel.Warn => MsLogLevel.Warning,
                HangfireLogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            try
            {
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
