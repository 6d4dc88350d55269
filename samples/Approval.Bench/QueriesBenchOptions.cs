namespace Approval.Bench;

/// <summary>The <c>queries</c> verb's options; the database ones are shared with the <c>engine</c> verb.</summary>
public sealed record QueriesBenchOptions
{
    public EngineBenchOptions Database { get; init; } = new();

    public int Cases { get; init; } = 100_000;

    public int OpenTasks { get; init; } = 100_000;

    public int Queries { get; init; } = 200;

    public int TimeoutSeconds { get; init; } = 3_600;

    public static QueriesBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new QueriesBenchOptions();
        var database = new BenchArguments(args).Parse(a =>
        {
            switch (a.Name)
            {
                case "--cases": options = options with { Cases = a.Count(1, 100_000_000) }; return true;
                case "--open-tasks": options = options with { OpenTasks = a.Count(0, 100_000_000) }; return true;
                case "--queries": options = options with { Queries = a.Count(1, 1_000_000) }; return true;
                case "--timeout-seconds": options = options with { TimeoutSeconds = a.Count(1, 86_400) }; return true;
                default: return false;
            }
        });
        return options with { Database = database };
    }
}
