using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace Approval.DesignerHost.Designer;

/// <summary>One activity on the canvas: what the definition says about it (id, type, name, inputs, metadata) plus how it is drawn.</summary>
/// <remarks>
/// The diagram is the designer's working copy of the flowchart: nodes hold the activities and links the connections,
/// so whatever the user drags, deletes or connects is what <see cref="DefinitionDiagramMapper"/> writes back.
/// Nodes have a fixed size worked out from their port count, so fitting the view never waits on the browser measuring them.
/// </remarks>
public sealed class ActivityNodeModel : NodeModel
{
    public const double Width = 160;
    private const double HeaderHeight = 44;
    private const double PortRowHeight = 22;

    public ActivityNodeModel(Point position, string activityId, string type, ActivityDescriptor? descriptor) : base(position)
    {
        ActivityId = activityId;
        Type = type;
        Descriptor = descriptor;
        ControlledSize = true;
        AddPort(new ActivityPortModel(this, ActivityPortModel.InputName, isInput: true));
        Resize();
    }

    public string ActivityId { get; set; }

    public string Type { get; }

    /// <summary>The activity's own display name (the definition's <c>name</c>); null shows the type's name.</summary>
    public string? Name { get; set; }

    /// <summary>The type's descriptor; null for a type this engine does not know (the validator reports it).</summary>
    public ActivityDescriptor? Descriptor { get; }

    public Dictionary<string, InputValue> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The activity's metadata as read, kept so what the designer does not edit travels through unchanged.</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary>The validator's messages about this activity, shown as a badge and a red outline.</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];

    public NodeHighlight Highlight { get; set; }

    public ActivityPortModel InputPort => Ports.OfType<ActivityPortModel>().First(p => p.IsInput);

    public IEnumerable<ActivityPortModel> OutcomePorts => Ports.OfType<ActivityPortModel>().Where(p => !p.IsInput);

    public ActivityPortModel? OutcomePort(string name) => OutcomePorts.FirstOrDefault(p => p.Name == name);

    /// <summary>The caption: the activity's name, else its type's name in the user's language, else the type.</summary>
    public string Caption(bool english) =>
        !string.IsNullOrWhiteSpace(Name) ? Name : Descriptor is null ? Type : english ? Descriptor.DisplayName.En : Descriptor.DisplayName.Zh;

    /// <summary>The inputs as the engine reads them, to ask the activity type which outcomes this node offers.</summary>
    public ActivityNode ToActivityNode() => new()
    {
        Id = ActivityId,
        Type = Type,
        Name = Name,
        Inputs = new Dictionary<string, InputValue>(Inputs, StringComparer.Ordinal),
        Metadata = Metadata,
    };

    /// <summary>Makes the outcome ports match <paramref name="outcomes"/>; a port no longer offered stays while links use it, marked obsolete.</summary>
    /// <returns>True when a port was added or removed (the node must be measured again).</returns>
    public bool SyncOutcomePorts(IReadOnlyList<string> outcomes)
    {
        var changed = false;
        foreach (var port in OutcomePorts.ToList())
        {
            var offered = outcomes.Contains(port.Name, StringComparer.Ordinal);
            if (!offered && port.Links.Count == 0)
            {
                RemovePort(port);
                changed = true;
            }
            else
            {
                port.IsObsolete = !offered;
            }
        }

        foreach (var outcome in outcomes.Where(o => OutcomePort(o) is null))
        {
            AddPort(new ActivityPortModel(this, outcome, isInput: false));
            changed = true;
        }

        if (changed)
        {
            // Keep outcome ports in the order the activity lists them; the obsolete ones last.
            var ordered = OutcomePorts.OrderBy(p => IndexOf(outcomes, p.Name)).ToList();
            foreach (var port in ordered)
            {
                RemovePort(port);
            }

            foreach (var port in ordered)
            {
                AddPort(port);
            }

            Resize();
        }

        return changed;
    }

    /// <summary>Adds an outcome port for a connection whose port the activity does not offer, so the connection survives to be reported.</summary>
    public ActivityPortModel AddObsoletePort(string name)
    {
        var port = new ActivityPortModel(this, name, isInput: false) { IsObsolete = true };
        AddPort(port);
        Resize();
        return port;
    }

    private void Resize() => Size = new Size(Width, HeaderHeight + Math.Max(1, OutcomePorts.Count()) * PortRowHeight + 8);

    private static int IndexOf(IReadOnlyList<string> outcomes, string name)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] == name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
