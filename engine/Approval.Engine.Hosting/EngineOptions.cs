using Approval.Engine.EntityFrameworkCore;

namespace Approval.Engine.Hosting;

/// <summary>How the engine is hosted: which database, and whether this process runs the background servers.</summary>
public sealed class EngineOptions
{
    /// <value>The database provider; SQLite by default.</value>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <value>The connection string of the engine's database; a <c>approval.db</c> file in the working folder by default.</value>
    public string ConnectionString { get; set; } = "Data Source=approval.db";

    /// <value>Whether this process runs the Quartz scheduler, the Hangfire server and the outbox relay; true by default.</value>
    /// <remarks>A process that only serves reads or only enqueues (a benchmark driver, a tool) turns them off.</remarks>
    public bool RunBackgroundServers { get; set; } = true;

    /// <value>How often the outbox relay looks for work when nobody nudges it; one second by default.</value>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <value><c>System</c> (the real clock, the default) or <c>Simulated</c> (real time plus an offset that admins move forward, for demos and tests).</value>
    public ClockMode ClockMode { get; set; } = ClockMode.System;

    /// <value>A folder of holiday CSV files (<c>date,kind,name</c>) loaded at start-up, for years after the shipped ones; none by default.</value>
    public string? CalendarImportFolder { get; set; }

    /// <value>How many Hangfire workers this host runs; four by default.</value>
    public int HangfireWorkers { get; set; } = 4;
}

public enum ClockMode
{
    System,
    Simulated,
}
