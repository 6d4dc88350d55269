using System.Globalization;
using System.Text;

namespace Approval.Engine.Calendar;

/// <summary>Reads and writes holiday data as <c>date,kind,name</c> CSV, the form in which administrators keep and upload notices.</summary>
/// <remarks>
/// Hand-edited files arrive with a BOM, CRLF and stray spaces (Excel, WPS), so those are tolerated; anything that would change
/// a date's meaning is not. A field is quoted the RFC 4180 way when it must be, so a name with a comma survives a round trip.
/// </remarks>
public static class CalendarCsv
{
    /// <summary>The header every file starts with.</summary>
    public const string Header = "date,kind,name";

    /// <summary>The manifest name of the data shipped with the engine (set explicitly in the project file, so renaming a folder cannot lose it).</summary>
    public const string ShippedResourceName = "Approval.Engine.Calendar.cn-holidays-2022-2026.csv";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Parses CSV text; throws <see cref="CalendarFormatException"/> naming every bad line.</summary>
    /// <remarks>Only the format is checked here; whether the rows make a sensible notice is <see cref="CalendarYearRules.Validate"/>'s job.</remarks>
    public static IReadOnlyList<SpecialDay> Parse(string csvText)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        var lines = csvText.TrimStart('\uFEFF').Split('\n');
        var days = new List<SpecialDay>();
        var problems = new List<string>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var number = i + 1;
            if (!headerSeen)
            {
                headerSeen = true;
                if (!IsHeader(line))
                {
                    problems.Add($"Line {number}: expected the header '{Header}' but found '{line.Trim()}'.");
                }

                continue;
            }

            if (TryParseRow(line, number, problems) is { } day)
            {
                days.Add(day);
            }
        }

        if (!headerSeen)
        {
            problems.Add($"Line 1: the text is empty; expected the header '{Header}'.");
        }

        return problems.Count > 0 ? throw new CalendarFormatException(problems) : days;
    }

    /// <summary>Writes rows in the format <see cref="Parse"/> reads, sorted by date so diffs between versions stay small.</summary>
    public static string Write(IEnumerable<SpecialDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var day in days.OrderBy(d => d.Date))
        {
            if (day.Name.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"The name of {day.Date.ToString(DateFormat, CultureInfo.InvariantCulture)} contains a line break, which the CSV cannot hold.", nameof(days));
            }

            text.Append(day.Date.ToString(DateFormat, CultureInfo.InvariantCulture))
                .Append(',')
                .Append(day.Kind == SpecialDayKind.Holiday ? "holiday" : "workday")
                .Append(',')
                .Append(Quote(day.Name))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The 2022–2026 notices shipped with the engine, one <see cref="CalendarYear"/> per notice, in year order.</summary>
    /// <remarks>Grouped by <see cref="CalendarYearRules.NoticeYearOf"/>, so 2022-12-31 is part of the 2023 notice.</remarks>
    public static IReadOnlyList<CalendarYear> Shipped()
    {
        using var stream = typeof(CalendarCsv).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ShippedResourceName}' is missing from the engine assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader.ReadToEnd())
            .GroupBy(CalendarYearRules.NoticeYearOf)
            .OrderBy(g => g.Key)
            .Select(g => new CalendarYear(g.Key, g.OrderBy(d => d.Date).ToArray()))
            .ToArray();
    }

    private static bool IsHeader(string line) =>
        SplitFields(line) is [var date, var kind, var name]
        && date.Equals("date", StringComparison.OrdinalIgnoreCase)
        && kind.Equals("kind", StringComparison.OrdinalIgnoreCase)
        && name.Equals("name", StringComparison.OrdinalIgnoreCase);

    private static SpecialDay? TryParseRow(string line, int number, List<string> problems)
    {
        var fields = SplitFields(line);
        if (fields is null)
        {
            problems.Add($"Line {number}: a quoted field is not closed, or text follows its closing quote: '{line.Trim()}'.");
            return null;
        }

        if (fields.Count != 3)
        {
            problems.Add($"Line {number}: expected 3 fields (date,kind,name) but found {fields.Count}: '{line.Trim()}'.");
            return null;
        }

        var before = problems.Count;
        if (!DateOnly.TryParseExact(fields[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add($"Line {number}: '{fields[0]}' is not a date in the form {DateFormat}.");
        }

        SpecialDayKind kind = default;
        if (fields[1].Equals("holiday", StringComparison.OrdinalIgnoreCase))
        {
            kind = SpecialDayKind.Holiday;
        }
        else if (fields[1].Equals("workday", StringComparison.OrdinalIgnoreCase))
        {
            kind = SpecialDayKind.Workday;
        }
        else
        {
            problems.Add($"Line {number}: the kind '{fields[1]}' is not 'holiday' or 'workday'.");
        }

        if (fields[2].Length == 0)
        {
            problems.Add($"Line {number}: the name is empty; name the festival the date belongs to.");
        }

        return problems.Count == before ? new SpecialDay(date, kind, fields[2]) : null;
    }

    /// <summary>Splits one line into fields: unquoted ones trimmed, quoted ones verbatim; null when the quoting is broken.</summary>
    private static List<string>? SplitFields(string line)
    {
        var fields = new List<string>();
        var position = 0;
        while (true)
        {
            var field = ReadField(line, ref position);
            if (field is null)
            {
                return null;
            }

            fields.Add(field);
            if (position >= line.Length)
            {
                return fields;
            }

            position++; // the comma
        }
    }

    /// <summary>Reads one field starting at <paramref name="position"/> and leaves it on the following comma or the end of the line.</summary>
    private static string? ReadField(string line, ref int position)
    {
        var comma = line.IndexOf(',', position);
        var end = comma < 0 ? line.Length : comma;
        var raw = line.AsSpan(position, end - position);
        if (!raw.TrimStart().StartsWith("\"", StringComparison.Ordinal))
        {
            position = end;
            return raw.Trim().ToString();
        }

        var value = new StringBuilder();
        var i = line.IndexOf('"', position) + 1;
        while (true)
        {
            var quote = line.IndexOf('"', i);
            if (quote < 0)
            {
                return null;
            }

            value.Append(line, i, quote - i);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                value.Append('"');
                i = quote + 2;
                continue;
            }

            // After the closing quote only spaces may come before the comma.
            var next = quote + 1;
            while (next < line.Length && line[next] != ',' && char.IsWhiteSpace(line[next]))
            {
                next++;
            }

            position = next;
            return next == line.Length || line[next] == ',' ? value.ToString() : null;
        }
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny(',', '"') < 0 && value.Trim().Length == value.Length
            ? value
            : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
