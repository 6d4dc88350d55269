using System.Text.Encodings.Web;
using System.Text.Json;
using Approval.Engine.Definitions;

namespace Approval.DesignerHost.Designer;

/// <summary>A definition as readable JSON text: indented, Chinese left as written (for export and the text diff).</summary>
public static class DefinitionText
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Pretty(WorkflowDefinition definition) => DefinitionJson.Write(definition).ToJsonString(Options);
}
