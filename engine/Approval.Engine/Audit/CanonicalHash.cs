using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Execution;

namespace Approval.Engine.Audit;

/// <summary>SHA-256 over a canonical JSON array of a row's fields, the previous row's hash first: one link of a chain.</summary>
/// <remarks>
/// The form is fixed so that a row read back from either database hashes to what was computed before it was written:
/// compact UTF-8 JSON, strings escaped only where JSON requires it, GUIDs in their <c>D</c> form, instants as whole
/// microseconds since the Unix epoch (PostgreSQL keeps no finer), and JSON documents written as stored, in their own
/// property order. Commits hash on the caller's thread, so an instance is used by one thread at a time, never shared.
/// </remarks>
internal sealed class CanonicalHash : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    // Kept for every row the instance hashes: a one-shot SHA256.HashData sets up a new digest context per call, which
    // on Linux (OpenSSL) costs more than hashing a row's few hundred bytes.
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public CanonicalHash() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    /// <summary>Starts a row's array with the previous row's hash; one instance hashes many rows in turn, without allocating a buffer for each.</summary>
    public CanonicalHash Begin(string? previous)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        _writer.WriteStringValue(previous ?? "");
        return this;
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

    public CanonicalHash Add(Guid value)
    {
        _writer.WriteStringValue(value);
        return this;
    }

    /// <summary>An instant as whole microseconds since 1970-01-01T00:00:00Z: exact, and cheaper than formatting a date.</summary>
    public CanonicalHash Add(DateTimeOffset value) => Add((value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);

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
        _sha.AppendData(_buffer.WrittenSpan);
        _sha.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _sha.Dispose();
    }
}
