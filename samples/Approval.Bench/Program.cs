using Approval.Bench;

// Verbs: `engine` drives the engine in-process; later verbs (e.g. `http`) go next to it.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.Out.Write(Usage.Text);
    return args.Length == 0 ? Usage.ExitCode : 0;
}

try
{
    return args[0] switch
    {
        "engine" => await EngineBenchmark.RunAsync(EngineBenchOptions.Parse(args[1..]), Console.Out),
        "http" => await HttpBenchmark.RunAsync(HttpBenchOptions.Parse(args[1..]), Console.Out),
        "queries" => await QueriesBenchmark.RunAsync(QueriesBenchOptions.Parse(args[1..]), Console.Out),
        "crash" => await CrashTest.RunAsync(CrashOptions.Parse(args[1..]), Console.Out),
        "cluster" => await ClusterTest.RunAsync(ClusterOptions.Parse(args[1..]), Console.Out),
        "timers" => await TimerLagBenchmark.RunAsync(TimerBenchOptions.Parse(args[1..]), Console.Out),
        _ => throw new UsageException($"Unknown verb '{args[0]}'."),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.Write(Usage.Text);
    return Usage.ExitCode;
}
catch (BenchFailedException ex)
{
    Console.Out.Flush();
    Console.Error.WriteLine($"FAILED: {ex.Message}");
    return 1;
}
