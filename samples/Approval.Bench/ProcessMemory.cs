using System.Diagnostics;
using System.Globalization;

namespace Approval.Bench;

/// <summary>Resident-set figures of this process, from /proc on Linux and the process API elsewhere.</summary>
public static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>The peak resident set since the process began or since <see cref="TryResetPeak"/> (VmHWM), in MiB.</summary>
    public static double PeakRssMiB() => ReadStatusKiB("VmHWM:") is { } kib ? kib / 1024.0 : Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

    public static double CurrentRssMiB() => ReadStatusKiB("VmRSS:") is { } kib ? kib / 1024.0 : Process.GetCurrentProcess().WorkingSet64 / 1048576.0;

    /// <summary>Resets VmHWM to the current resident set (Linux: "5" into clear_refs), so setup work does not count; false where unsupported.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long? ReadStatusKiB(string key)
    {
        if (!File.Exists(Status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var number = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
