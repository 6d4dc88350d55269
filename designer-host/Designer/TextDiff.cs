namespace Approval.DesignerHost.Designer;

/// <summary>A line diff for showing two texts side by side: equal lines pair up, changed runs sit opposite each other.</summary>
/// <remarks>Longest common subsequence over lines; definitions are a few hundred lines, so the quadratic table is small.</remarks>
public static class TextDiff
{
    /// <summary>Rows of the side-by-side view; a null side is blank (the line exists only on the other side).</summary>
    public static IReadOnlyList<DiffRow> SideBySide(string left, string right)
    {
        var a = Lines(left);
        var b = Lines(right);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<DiffRow>();
        var removed = new List<string>();
        var added = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Flush(rows, removed, added);
                rows.Add(new DiffRow(a[x], b[y], DiffKind.Same));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush(rows, removed, added);
        return rows;
    }

    private static void Flush(List<DiffRow> rows, List<string> removed, List<string> added)
    {
        for (var i = 0; i < Math.Max(removed.Count, added.Count); i++)
        {
            var l = i < removed.Count ? removed[i] : null;
            var r = i < added.Count ? added[i] : null;
            rows.Add(new DiffRow(l, r, l is null ? DiffKind.Added : r is null ? DiffKind.Removed : DiffKind.Changed));
        }

        removed.Clear();
        added.Clear();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
    Changed,
}

public sealed record DiffRow(string? Left, string? Right, DiffKind Kind);
