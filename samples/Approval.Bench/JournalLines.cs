using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Journal;
using Microsoft.EntityFrameworkCore;

namespace Approval.Bench;

/// <summary>Journal lines of many instances at once, for the verifiers: the segments a query selects, unpacked.</summary>
public static class JournalLines
{
    public static async Task<List<JournalEntry>> ReadAsync(IQueryable<JournalSegmentRow> segments, CancellationToken cancellationToken)
    {
        var lines = new List<JournalEntry>();
        await foreach (var segment in segments.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            lines.AddRange(JournalSegments.Read(segment));
        }

        return lines;
    }
}
