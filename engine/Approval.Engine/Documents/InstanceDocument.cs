using System.Security.Cryptography;
using System.Text;

namespace Approval.Engine.Documents;

/// <summary>A document an instance issued (a receipt, a notice, a decision): rendered once, stored immutably with its SHA-256.</summary>
/// <remarks>
/// Documents commit with the step that issued them, so a notice exists exactly when the state it announces does.
/// Together they are the case file: every document appended in order, each verifiable by its hash.
/// </remarks>
public sealed class InstanceDocument
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>What it is, e.g. <c>AcceptanceReceipt</c>; the kinds belong to whoever issues them.</summary>
    public required string Kind { get; set; }

    /// <summary>Its place in the case file: the journal sequence of its issue, so documents of one step keep their order.</summary>
    public int Sequence { get; set; }

    public required string Title { get; set; }

    /// <summary>The document number printed on it (文书编号), when it has one.</summary>
    public string? Number { get; set; }

    public required string ContentType { get; set; }

    public required string Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 content.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The template and version it was rendered from, so an old document can be explained after templates change.</summary>
    public string? TemplateKey { get; set; }

    public int? TemplateVersion { get; set; }

    public string? ActivityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public static string HashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
