using System.Diagnostics;
using System.Globalization;

namespace Approval.Bench;

/// <summary>CPU counters at one moment (Linux /proc): the machine's, this process's and local PostgreSQL's.</summary>
/// <remarks>What the machine did beyond those two says how quiet it was: on a 2-core box a build next door halves the result.</remarks>
public sealed record CpuSnapshot(long MachineBusy, long MachineIdle, long MachineIoWait, long MachineSteal, TimeSpan ProcessCpu, IReadOnlyDictionary<string, (bool Postgres, long Ticks)> Processes, long Timestamp)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static CpuSnapshot Take()
    {
        long busy = 0, idle = 0, ioWait = 0, steal = 0;
        if (File.Exists("/proc/stat"))
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (clock ticks, all cores)
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            idle = fields[3];
            ioWait = fields.Length > 4 ? fields[4] : 0;
            steal = fields.Length > 7 ? fields[7] : 0;
            busy = fields.Take(Math.Min(fields.Length, 7)).Sum() - idle - ioWait;
        }

        return new CpuSnapshot(busy, idle, ioWait, steal, Process.GetCurrentProcess().TotalProcessorTime, ProcessTicks(), Stopwatch.GetTimestamp());
    }

    /// <summary>Between two snapshots: machine busy, iowait and steal share of all cores (percent), and cores used by this process, PostgreSQL and the rest.</summary>
    public static CpuUse Between(CpuSnapshot before, CpuSnapshot after)
    {
        var total = (after.MachineBusy - before.MachineBusy) + (after.MachineIdle - before.MachineIdle) + (after.MachineIoWait - before.MachineIoWait) + (after.MachineSteal - before.MachineSteal);
        var wall = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        long postgres = 0;
        foreach (var (pid, (isPostgres, ticks)) in after.Processes)
        {
            // A backend that began in between counts whole; one that ended in between is missed (pooled ones stay).
            if (isPostgres)
            {
                postgres += ticks - (before.Processes.TryGetValue(pid, out var earlier) ? earlier.Ticks : 0);
            }
        }

        // Processes that start and end between the snapshots (a compiler, a test run) are invisible per process, so
        // "other" is what the machine was busy with beyond this process and PostgreSQL, not a sum over processes.
        var busyCores = total > 0 ? Environment.ProcessorCount * (double)(after.MachineBusy - before.MachineBusy) / total : double.NaN;
        var benchCores = (after.ProcessCpu - before.ProcessCpu).TotalSeconds / wall;
        var postgresCores = postgres / TicksPerSecond / wall;
        return new CpuUse(
            total > 0 ? 100.0 * (after.MachineBusy - before.MachineBusy) / total : double.NaN,
            total > 0 ? 100.0 * (after.MachineIoWait - before.MachineIoWait) / total : double.NaN,
            total > 0 ? 100.0 * (after.MachineSteal - before.MachineSteal) / total : double.NaN,
            benchCores,
            postgresCores,
            Math.Max(0, busyCores - benchCores - postgresCores));
    }

    /// <summary>CPU ticks so far of every process but this one, by pid, marking those named postgres.</summary>
    private static Dictionary<string, (bool Postgres, long Ticks)> ProcessTicks()
    {
        var processes = new Dictionary<string, (bool, long)>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc"))
        {
            return processes;
        }

        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (pid == self || !pid.All(char.IsAsciiDigit))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            processes[pid] = (name == "postgres", ticks);
        }

        return processes;
    }
}
