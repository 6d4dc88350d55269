namespace Approval.Activities.Documents;

/// <summary>A document template the product ships: what every office gets before it stores versions of its own.</summary>
/// <param name="Kind">One of <see cref="DocumentKinds"/>.</param>
/// <param name="Version">The shipped version; recorded on each document so an old one can be explained after the template changes.</param>
/// <param name="Title">The document's Chinese title, as printed on it (e.g. 受理通知书).</param>
/// <param name="Content">The Scriban HTML template.</param>
public sealed record DocumentTemplateDefinition(string Kind, int Version, string Title, string Content);
