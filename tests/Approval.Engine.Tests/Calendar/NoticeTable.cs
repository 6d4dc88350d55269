using System.Globalization;

namespace Approval.Engine.Tests.Calendar;

/// <summary>
/// The independent source the calendar is checked against: the off-day ranges and 调休 dates of each State Council notice,
/// typed in from the table in shared/research/domain.md §4 (itself cross-checked against the notices' text), not from the CSV.
/// </summary>
internal static class NoticeTable
{
    /// <summary>Per notice year: off-day ranges (inclusive) and swapped working days.</summary>
    public static readonly IReadOnlyDictionary<int, (string[] OffRanges, string[] Workdays)> Notices = new Dictionary<int, (string[], string[])>
    {
        // 国办发明电〔2021〕11号
        [2022] = (
            ["2022-01-01..2022-01-03", "2022-01-31..2022-02-06", "2022-04-03..2022-04-05", "2022-04-30..2022-05-04", "2022-06-03..2022-06-05", "2022-09-10..2022-09-12", "2022-10-01..2022-10-07"],
            ["2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"]),

        // 国办发明电〔2022〕16号: 元旦 starts on 2022-12-31.
        [2023] = (
            ["2022-12-31..2023-01-02", "2023-01-21..2023-01-27", "2023-04-05..2023-04-05", "2023-04-29..2023-05-03", "2023-06-22..2023-06-24", "2023-09-29..2023-10-06"],
            ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"]),

        // 国办发明电〔2023〕7号
        [2024] = (
            ["2024-01-01..2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05", "2024-06-10..2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07"],
            ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"]),

        // 国办发明电〔2024〕12号: the first year with 除夕 and 5月2日 as holidays.
        [2025] = (
            ["2025-01-01..2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"],
            ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]),

        // Notice of 2025-11-04 (gov.cn content_7047091): a nine-day Spring Festival.
        [2026] = (
            ["2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"],
            ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]),
    };

    public static IReadOnlySet<DateOnly> OffDays(int notice) => Notices[notice].OffRanges.SelectMany(Expand).ToHashSet();

    public static IReadOnlySet<DateOnly> Workdays(int notice) => Notices[notice].Workdays.Select(D).ToHashSet();

    public static IReadOnlySet<DateOnly> AllOffDays { get; } = Notices.Keys.SelectMany(OffDays).ToHashSet();

    public static IReadOnlySet<DateOnly> AllWorkdays { get; } = Notices.Keys.SelectMany(Workdays).ToHashSet();

    /// <summary>Whether offices work on a date, by the table and the plain weekday rule, with no calendar code involved.</summary>
    public static bool ExpectedWorking(DateOnly date) =>
        AllWorkdays.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !AllOffDays.Contains(date));

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static IEnumerable<DateOnly> Expand(string range)
    {
        var parts = range.Split("..");
        return Days(D(parts[0]), D(parts[1]));
    }
}
