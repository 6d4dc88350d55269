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
          --warmup-seconds S             keep warming up for at least S seconds, so tiered JIT settles (default 45)
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

        usage: Approval.Bench http [options]

        Starts the designer host as its own process (seeded demo catalogue) and drives N applications end to end through
        its HTTP API with C in flight: the clerk submits a complete 企业设立登记 application (receipt, clock), the reviewer
        reads the case, claims the review task and approves it (licence, archive). Checks each case completed and prints
        applications_per_second, submit/read/approve p50 and p99, and host_peak_rss_mb.

        options:
          --provider, --connection, --recreate-database, --keep-database   as for engine
          --applications N               applications to measure (default 500)
          --concurrency C                applications in flight (default 32)
          --warmup W                     applications first, not measured (default 50)
          --host-dll <path>              the host to run (default: designer-host's Release or Debug build)
          --timeout-seconds S            give up after S seconds (default 1800)

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

        usage: Approval.Bench crash [options]

        Starts the designer host as its own process under simulated time and drives N applications with C in flight: half
        企业设立登记 approved at once, a quarter 食品经营许可 under 容缺 left to lapse on their supplement-deadline timer, a
        quarter 企业设立登记 left undecided until they escalate yellow, red and critical, then approved. 30% of the way
        through, simulated time jumps 14 days and the host is killed with SIGKILL as soon as the jump has committed (while
        it fires the timers and escalations that fell due); further kills follow. Each time it is restarted on the same
        port and database. The client retries what went unanswered (submissions carry an Idempotency-Key; a task is
        completed only while the case shows it open). Then time jumps 40 days, every case is waited for until it reaches
        its expected state, and the database is checked: no second case, journal step, document, task, escalation,
        notification or timer firing. Prints kills, recovered_seconds, client_retries, duplicates=0, verified=true.

        options:
          --provider, --connection, --recreate-database, --keep-database   as for engine (postgres: always recreated)
          --applications N               applications (default 1000)
          --kills K                      SIGKILLs of the host (default 1)
          --concurrency C                applications in flight (default 32)
          --host-dll <path>              the host to run (default: designer-host's Release or Debug build)
          --timeout-seconds S            give up after S seconds (default 1800)

        usage: Approval.Bench cluster --connection <postgres> [options]

        Starts H host processes on one PostgreSQL database (recreated), each running Quartz clustered and a Hangfire
        server, and drives the same mix of N applications as crash, each step of a case sent to the next host in turn.
        Halfway through, simulated time jumps 14 days, so timers and escalations fall due while all hosts run. Checks
        from the journal that every step ran once and every escalation was recorded once. Prints
        applications_per_second, host<i>_requests, duplicates=0, verified=true.

        options:
          --connection <string>          PostgreSQL connection string with a Database (required)
          --hosts H                      host processes (default 2)
          --applications N               applications (default 5000)
          --concurrency C                applications in flight (default 32)
          --host-dll <path>, --timeout-seconds S (default 3600)   as for crash

        usage: Approval.Bench timers [options]

        Runs the engine in-process as a host in service does (outbox relay, Quartz persistent store, Hangfire). Starts N
        instances of Start → Timer → End whose timers fall due a year ahead and waits until the relay has handed every
        one to Quartz; then starts P probes whose timers fall due evenly over S seconds, from 10 s ahead. Lag = when the
        journal records the probe's resume minus when it was due. Checks that every probe was resumed exactly once and
        that no far-future timer fired. Prints load_seconds, pending_timers, fired, timer_lag_p50_ms, timer_lag_p99_ms,
        timer_lag_max_ms, quartz_fire_lag_*_ms (when Quartz ran the job), peak_rss_mb, verified.

        options:
          --provider, --connection, --recreate-database, --keep-database   as for engine
          --pending N                    far-future timers loaded first (default 100000)
          --probes P                     timers measured (default 500)
          --spread-seconds S             the probes fall due evenly over S seconds (default 60)
          --lead-seconds L               the first probe falls due L seconds after they start (default 10)
          --concurrency C                starts in flight (default 16)
          --timeout-seconds S            give up after S seconds (default 3600)

        exit codes: 0 measured and verified; 1 an operation failed, timed out or verification failed; 2 bad arguments.

        """;
}
