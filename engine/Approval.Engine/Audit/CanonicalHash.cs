using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Execution;

namespace Approval.Engine.Audit;

/// <summary>SHA-256 over a canonical JSON array of a row's fields, the previous row's hash first: one link of a chain.</summary>
/// <remarks>
/// The form is fixed so that a row read back from either database hashes to what was computed before it was written:
/// compact UTF-8 JSON, strings escaped only where JSON requires it, instants as UTC to the microsecond (PostgreSQL keeps
/// no finer), and JSON documents written as stored, in their own property order. Rows are hashed as they are written,
/// on the caller's thread, so the buffer is per call rather than shared.
/// </remarks>
internal sealed class CanonicalHash : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    public CanonicalHash(string? previous)
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _writer.WriteStartArray();
        _writer.WriteStringValue(previous ?? "");
    }

    /// <summary>An instant as the chain and the databases keep it: whole microseconds, UTC.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public CanonicalHash Add(string? value)
    {
        if (value is null)
        {
            _writer.WriteNullValue();
        }
        else
        {
            _writer.WriteStringValue(value);
        }

        return this;
    }

    public CanonicalHash Add(long value)
    {
        _writer.WriteNumberValue(value);
        return this;
    }

    public CanonicalHash Add(Guid value) => Add(value.ToString("D"));

    public CanonicalHash Add(DateTimeOffset value) =>
        Add(ToMicroseconds(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    public CanonicalHash Add(JsonNode? value)
    {
        if (value is null)
        {
            _writer.WriteNullValue();
        }
        else
        {
            // The storage options, so values held as CLR objects (an enum, a date) hash as the text they are stored as.
            value.WriteTo(_writer, EngineJson.Options);
        }

        return this;
    }

    /// <summary>Lower-case hex SHA-256 of the array so far.</summary>
    public string Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    public void Dispose() => _writer.Dispose();
}
