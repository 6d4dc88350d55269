namespace Approval.Bench;

/// <summary>The machine's load averages (1, 5, 15 min) as <c>uptime</c> shows them, so a figure can be read against how busy the machine was.</summary>
public static class LoadAverage
{
    public static string Read()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return "n/a";
        }

        var parts = File.ReadAllText(path).Split(' ');
        return parts.Length >= 3 ? $"{parts[0]}/{parts[1]}/{parts[2]}" : "n/a";
    }
}
