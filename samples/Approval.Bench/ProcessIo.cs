using System.Globalization;

namespace Approval.Bench;

/// <summary>This process's I/O counters from /proc/self/io (Linux): bytes written to the storage layer, write and read calls, bytes read (page cache included).</summary>
public sealed record ProcessIo(long WriteBytes, long WriteCalls, long ReadCalls, long ReadChars)
{
    public static ProcessIo? Take()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return null;
        }

        long Read(string key) => File.ReadLines(path).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l[key.Length..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();

        return new ProcessIo(Read("write_bytes:"), Read("syscw:"), Read("syscr:"), Read("rchar:"));
    }
}
