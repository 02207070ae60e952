using Hangfire.Logging;

namespace Barangay.Jobs;

/// <summary>Hangfire's logging switched off (its log provider is process-wide; tests run many hosts in one process).</summary>
internal sealed class SilentLogProvider : ILogProvider
{
    private static readonly SilentLog Log = new();

    public ILog GetLogger(string name) => Log;

    private sealed class SilentLog : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
