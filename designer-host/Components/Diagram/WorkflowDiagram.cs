using Approval.DesignerHost.Designer;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;

namespace Approval.DesignerHost.Components.Diagram;

/// <summary>Makes the diagrams the designer, the version diff and the case view draw flows on, and fits a flow into view.</summary>
public static class WorkflowDiagram
{
    public static BlazorDiagram Create(bool readOnly)
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = false,
            Zoom = { Enabled = true, Minimum = 0.25, Maximum = 2 },
            Links =
            {
                EnableSnapping = true,
                SnappingRadius = 24,
                RequireTarget = true,
                DefaultColor = "#607d8b",
                DefaultSelectedColor = "#1565c0",
            },
        };

        // Links start only at an outcome; dragging from an input port draws nothing.
        options.Links.Factory = (_, source, target) =>
            !readOnly && source is ActivityPortModel { IsInput: false } port ? new LinkModel(new SinglePortAnchor(port), target) { TargetMarker = LinkMarker.Arrow } : null!;
        if (readOnly)
        {
            options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
            options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        }

        var diagram = new BlazorDiagram(options);
        diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        return diagram;
    }

    /// <summary>Locks every node and port, so a shown flow can be panned and zoomed but not changed.</summary>
    public static void Lock(BlazorDiagram diagram)
    {
        foreach (var node in diagram.Nodes)
        {
            node.Locked = true;
            foreach (var port in node.Ports)
            {
                port.Locked = true;
            }
        }

        foreach (var link in diagram.Links)
        {
            link.Locked = true;
        }
    }

    /// <summary>Zooms (never above 100 %) and pans so every node is in view; false while the canvas has not been measured.</summary>
    public static bool Fit(BlazorDiagram diagram, double margin = 24)
    {
        if (diagram.Container is not { Width: > 0, Height: > 0 } container || diagram.Nodes.Count == 0)
        {
            return false;
        }

        var left = diagram.Nodes.Min(n => n.Position.X);
        var top = diagram.Nodes.Min(n => n.Position.Y);
        var right = diagram.Nodes.Max(n => n.Position.X + (n.Size?.Width ?? ActivityNodeModel.Width));
        var bottom = diagram.Nodes.Max(n => n.Position.Y + (n.Size?.Height ?? 80));
        var zoom = Math.Clamp(Math.Min((container.Width - 2 * margin) / (right - left), (container.Height - 2 * margin) / (bottom - top)), 0.25, 1);
        diagram.SetZoom(zoom);
        diagram.SetPan(margin - left * zoom, margin - top * zoom);
        return true;
    }

    /// <summary>The position for a node dropped at a point of the browser window: centred on the pointer.</summary>
    public static Point DropPosition(BlazorDiagram diagram, double clientX, double clientY)
    {
        var point = diagram.GetRelativeMousePoint(clientX, clientY);
        return new Point(Math.Round(point.X - ActivityNodeModel.Width / 2), Math.Round(point.Y - 20));
    }

    public static IEnumerable<ActivityNodeModel> ActivityNodes(this BlazorDiagram diagram) => diagram.Nodes.OfType<ActivityNodeModel>();

    public static ActivityNodeModel? SelectedNode(this BlazorDiagram diagram) => diagram.GetSelectedModels().OfType<ActivityNodeModel>().FirstOrDefault();

    public static BaseLinkModel? SelectedLink(this BlazorDiagram diagram) => diagram.GetSelectedModels().OfType<BaseLinkModel>().FirstOrDefault();
}
