using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Approval.DesignerHost.Designer;

/// <summary>A port on an activity: its one input (<c>In</c>) on the left, or one outcome on the right.</summary>
/// <remarks>
/// A link may only run from an outcome to another activity's input, as the flowchart's connections do; the diagram
/// refuses any other pairing while the user drags, so a link that cannot become a connection is never drawn.
/// </remarks>
public sealed class ActivityPortModel(ActivityNodeModel parent, string name, bool isInput)
    : PortModel(parent, isInput ? PortAlignment.Left : PortAlignment.Right)
{
    public const string InputName = "In";

    /// <summary>The outcome's name (the connection's source port), or <see cref="InputName"/>.</summary>
    public string Name { get; } = name;

    public bool IsInput { get; } = isInput;

    /// <summary>True for an outcome port the activity no longer offers but a connection still uses (the validator reports it).</summary>
    public bool IsObsolete { get; set; }

    public ActivityNodeModel Activity => (ActivityNodeModel)Parent;

    public override bool CanAttachTo(ILinkable other) =>
        !IsInput && other is ActivityPortModel { IsInput: true } target && target.Parent != Parent && !target.Locked;
}
