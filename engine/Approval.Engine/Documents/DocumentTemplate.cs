namespace Approval.Engine.Documents;

/// <summary>One version of a document template for a scope: <c>default</c>, or a matter that overrides it.</summary>
/// <remarks>Versions are rows and never change, so a document records exactly what it was rendered from.</remarks>
public sealed class DocumentTemplate
{
    public required string Kind { get; set; }

    /// <summary><see cref="DefaultScope"/>, or the code of the matter this version overrides the default for.</summary>
    public required string Scope { get; set; }

    public int Version { get; set; }

    public required string Title { get; set; }

    public required string Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public const string DefaultScope = "default";
}

/// <summary>Stored documents and template versions.</summary>
public interface IDocumentStore
{
    Task<InstanceDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>An instance's documents in the order they were issued, without their content.</summary>
    Task<IReadOnlyList<InstanceDocument>> ListForInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>The newest version of a template for the first scope that has one, or null.</summary>
    Task<DocumentTemplate?> FindTemplateAsync(string kind, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    Task<IReadOnlyList<DocumentTemplate>> ListTemplateVersionsAsync(string? kind, CancellationToken cancellationToken);

    /// <summary>Adds the next version of a template for its scope and returns it.</summary>
    Task<DocumentTemplate> AddTemplateVersionAsync(string kind, string scope, string title, string content, string createdBy, DateTimeOffset at, CancellationToken cancellationToken);
}
