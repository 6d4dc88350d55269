namespace Approval.Bench;

/// <summary>The command line's help text, printed on --help and on any argument error (exit code 2).</summary>
public static class Usage
{
    public const int ExitCode = 2;

    public const string Text = """
        usage: Approval.Bench engine [options]

        Runs N instances of a 5-activity flow with one human task (Start, SetVariable, HumanTask, Log, End) end to end
        through the in-process engine, with C instances in flight at once, checks in the database that every instance
        completed exactly once, and prints name=value lines (instances_per_second, p50_ms, p99_ms, peak_rss_mb, ...).

        options:
          --provider sqlite|postgres     database provider (default sqlite)
          --connection <string>          connection string; sqlite default: a fresh temp file, deleted afterwards;
                                         postgres: required, e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Database=bench"
          --instances N                  instances to run and measure (default 1000)
          --concurrency C                instances in flight at once (default 16)
          --warmup W                     instances run first on a separate definition and not measured (default 200)
          --warmup-seconds S             keep warming up for at least S seconds, so tiered JIT settles (default 15)
          --preload-instances P          bulk-insert P finished instances before measuring (default 0)
          --preload-versions V           publish V versions of the measured definition first; the last is measured (default 1)
          --compare-preload              measure two databases in one process, an empty one and one filled by the preload
                                         options, in alternating rounds (ABBA), so machine noise hits both alike; prints
                                         empty.* and loaded.* figures and loaded_cost_ratio (= empty / loaded instances/s);
                                         the empty one is the given database with suffix _empty (postgres) or -empty (sqlite)
          --rounds R                     rounds for --compare-preload, each runs N/R instances per side (default 4)
          --recreate-database            drop and create the database first (postgres: DROP DATABASE ... WITH (FORCE);
                                         sqlite: delete the file)
          --keep-database                keep the sqlite temp file (its path is printed)
          --trace                        count SQL commands, transactions and connection opens per instance (EF Core
                                 diagnostics) and time the engine's store calls (adds a little overhead)
          --timeout-seconds S            give up after S seconds of measuring (default 600)
          -h, --help                     this text

        usage: Approval.Bench queries [options]

        Fills the database with N cases (case summaries and legal clocks spread over a year, 12 departments, 300 matters,
        96 clerks) and M open tasks (480 approvers), then times what people wait on: supervision metrics for a
        department's month and for everything over a year, the alert list, and the inbox page (my open tasks and their
        case clocks). Prints <query>_p50_ms and <query>_p95_ms lines, load_seconds and peak_rss_mb.

        options:
          --provider, --connection, --recreate-database, --keep-database   as for engine
          --cases N                      cases to load (default 100000)
          --open-tasks M                 open tasks to load (default 100000)
          --queries Q                    timed runs of each query (default 200)
          --timeout-seconds S            give up after S seconds (default 3600)

        exit codes: 0 measured and verified; 1 an operation failed, timed out or verification failed; 2 bad arguments.

        """;
}
