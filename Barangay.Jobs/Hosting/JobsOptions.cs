namespace Barangay.Jobs;

/// <summary>Hangfire's storage and server (configuration: <c>ConnectionStrings:Jobs</c>, <c>Hangfire:*</c>, <c>Jobs:*</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Hangfire's own database, never the app's (see ARCHITECTURE.md §4).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema Hangfire keeps its tables in; tests give each app its own.</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>Run a Hangfire server in this process (<c>Jobs:RunServer</c>); false for web-only replicas beside a worker.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Min(20, Environment.ProcessorCount * 5);

    /// <summary>How often an idle worker looks for new jobs (LISTEN/NOTIFY wakes it sooner).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often scheduled jobs (email retries) are moved to the queue when due.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Register the recurring sweeper and purge (any server of the cluster runs them, once per occurrence).</summary>
    public bool RecurringJobs { get; set; } = true;

    public string SweeperCron { get; set; } = "* * * * *";

    public string PurgeCron { get; set; } = "7 * * * *";

    /// <summary>The sweeper leaves rows younger than this alone: their job is most likely just being enqueued.</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Send Hangfire's own log through the host's logging (off in tests, which run many hosts in one process).</summary>
    public bool HostLogging { get; set; } = true;
}
