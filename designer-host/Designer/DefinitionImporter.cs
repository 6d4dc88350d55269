using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;

namespace Approval.DesignerHost.Designer;

/// <summary>Imports a definition as the draft, optionally publishing it: what <c>POST /api/workflow-definitions/import</c> and the designer's import both do.</summary>
public sealed class DefinitionImporter(WorkflowDefinitionService definitions, IDefinitionStore store)
{
    /// <summary>Reads an Elsa 3 export (types named <c>Elsa.*</c>) or a definition in our own shape.</summary>
    /// <exception cref="DefinitionFormatException">The text is not a definition.</exception>
    /// <exception cref="InvalidDefinitionException">An Elsa export uses what we cannot carry over.</exception>
    public static WorkflowDefinition Read(string text)
    {
        var document = DefinitionJson.ParseObject(text);
        var isElsa = document["root"]?["activities"] is JsonArray activities
            && activities.OfType<JsonObject>().Any(a => Approval.Engine.Execution.JsonValues.StringOf(a["type"])?.StartsWith("Elsa.", StringComparison.Ordinal) == true);
        return isElsa ? ElsaImporter.Convert(document) : DefinitionJson.Read(document);
    }

    /// <summary>Saves <paramref name="definition"/> as the draft and, when asked, publishes it; an invalid one asked to publish stores nothing.</summary>
    /// <returns>The stored version, and whether the definition did not exist before.</returns>
    /// <exception cref="InvalidDefinitionException">Publishing was asked for and the definition breaks a rule.</exception>
    public async Task<(DefinitionVersion Saved, bool IsNew)> ImportAsync(WorkflowDefinition definition, bool publish, string actor, CancellationToken cancellationToken)
    {
        if (publish && definitions.Validate(definition) is { Count: > 0 } errors)
        {
            // Refuse before saving, so a failed "import and publish" leaves nothing half done.
            throw new InvalidDefinitionException(errors);
        }

        var isNew = await store.FindLatestAsync(definition.DefinitionId, cancellationToken) is null;
        var saved = await definitions.SaveDraftAsync(definition, actor, cancellationToken);
        if (publish)
        {
            saved = await definitions.PublishAsync(definition.DefinitionId, actor, cancellationToken);
        }

        return (saved, isNew);
    }
}
