using System.Security.Cryptography;
using System.Text;

namespace Approval.DesignerHost.Applications;

/// <summary>The case id an <c>Idempotency-Key</c> stands for: the same officer and key always name the same case.</summary>
/// <remarks>
/// A client that sent a submission and lost the answer (a timeout, a host that died mid-request) cannot know whether
/// the case was opened. Sending the same key again finds the case the first attempt opened, or opens it now, and never
/// a second one. The id is derived rather than looked up, so the database's primary key is what decides a race
/// between two repeats on two hosts. The officer is part of it, so two clerks' keys never collide.
/// </remarks>
public static class IdempotentCaseId
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 200;

    /// <summary>A version-8 UUID (RFC 9562) from SHA-256 of the officer and the key.</summary>
    public static Guid For(string officer, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"approval:application\n{officer}\n{key}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Why the key cannot be used, or null when it can.</summary>
    public static string? Problem(string key) =>
        string.IsNullOrWhiteSpace(key) ? $"The {Header} header, when sent, must not be empty."
        : key.Length > MaxLength ? $"The {Header} header may be at most {MaxLength} characters; it is {key.Length}."
        : null;
}
