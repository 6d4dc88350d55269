using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Journal;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>The journal lines one commit appended to one instance, stored as one row.</summary>
/// <remarks>
/// A commit appends eight or so lines at once and they are only ever read back whole, per instance, in order. One row per
/// commit instead of one per line writes one index entry instead of eight and keeps the instance id once instead of on
/// every line: the journal was most of the database and most of what each commit wrote. (instance, first sequence) is
/// the key, so two commits racing from the same point cannot both append.
/// </remarks>
public sealed class JournalSegmentRow
{
    public Guid InstanceId { get; set; }

    public int FirstSequence { get; set; }

    public int LastSequence { get; set; }

    /// <summary>A JSON array of the lines, in sequence order; see <see cref="JournalSegments"/> for their fields.</summary>
    public required string Lines { get; set; }
}

/// <summary>Writes journal lines into a segment's JSON and reads them back.</summary>
/// <remarks>
/// Each line is an object <c>{"seq", "at", "event", "activityId", "activityType", "actor", "data", "hash"}</c>, absent
/// fields left out; <c>at</c> is ISO 8601 UTC to the microsecond, the precision the hash chain covers. <c>data</c> is
/// written as the line holds it, property order kept, so a line read back hashes as it did when it was written.
/// </remarks>
public static class JournalSegments
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The segments a commit's lines make: one per instance (a commit writes the lines of one instance, but nothing here relies on it).</summary>
    public static IEnumerable<JournalSegmentRow> Of(IReadOnlyList<JournalEntry> lines)
    {
        for (var start = 0; start < lines.Count;)
        {
            var end = start + 1;
            while (end < lines.Count && lines[end].InstanceId == lines[start].InstanceId && lines[end].Sequence == lines[end - 1].Sequence + 1)
            {
                end++;
            }

            yield return new JournalSegmentRow
            {
                InstanceId = lines[start].InstanceId,
                FirstSequence = lines[start].Sequence,
                LastSequence = lines[end - 1].Sequence,
                Lines = Write(lines, start, end),
            };
            start = end;
        }
    }

    private static string Write(IReadOnlyList<JournalEntry> lines, int start, int end)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * (end - start));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            for (var i = start; i < end; i++)
            {
                var line = lines[i];
                writer.WriteStartObject();
                writer.WriteNumber("seq", line.Sequence);
                writer.WriteString("at", line.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("event", line.Event);
                WriteIfPresent(writer, "activityId", line.ActivityId);
                WriteIfPresent(writer, "activityType", line.ActivityType);
                WriteIfPresent(writer, "actor", line.Actor);
                if (line.Data is not null)
                {
                    writer.WritePropertyName("data");
                    line.Data.WriteTo(writer);
                }

                WriteIfPresent(writer, "hash", line.Hash);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The lines of one stored segment, in order.</summary>
    /// <exception cref="FormatException">The row is not a segment this engine wrote (edited by hand into something else).</exception>
    public static IEnumerable<JournalEntry> Read(JournalSegmentRow row)
    {
        if (JsonNode.Parse(row.Lines) is not JsonArray array)
        {
            throw new FormatException($"Journal segment ({row.InstanceId}, {row.FirstSequence}) is not a JSON array.");
        }

        foreach (var node in array)
        {
            if (node is not JsonObject line)
            {
                throw new FormatException($"Journal segment ({row.InstanceId}, {row.FirstSequence}) holds something other than a line.");
            }

            // Detached from the array, so the caller owns it like a freshly read document.
            var data = line["data"] as JsonObject;
            line.Remove("data");
            yield return new JournalEntry
            {
                InstanceId = row.InstanceId,
                Sequence = Required(line, "seq").GetValue<int>(),
                At = DateTimeOffset.Parse(Required(line, "at").GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Event = Required(line, "event").GetValue<string>(),
                ActivityId = Optional(line, "activityId"),
                ActivityType = Optional(line, "activityType"),
                Actor = Optional(line, "actor"),
                Data = data,
                Hash = Optional(line, "hash"),
            };
        }

        JsonNode Required(JsonObject line, string name) =>
            line[name] ?? throw new FormatException($"A line of journal segment ({row.InstanceId}, {row.FirstSequence}) has no \"{name}\".");
    }

    private static string? Optional(JsonObject line, string name) => line[name]?.GetValue<string>();
}
