using System.Text.Json.Nodes;
using Approval.DesignerHost.Designer;
using Approval.DesignerHost.Tests.Support;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Storage;
using Approval.Workflows.Catalogue;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Designer;

/// <summary>The designer's canvas and the definition JSON describe the same flow: what goes onto the diagram comes back unchanged.</summary>
[Collection(HostCollection.Name)]
public sealed class DefinitionDiagramMapperTests(ApprovalHostFactory host)
{
    private DefinitionDiagramMapper Mapper => new(host.Services.GetRequiredService<ActivityRegistry>());

    public static TheoryData<string> SeededDefinitions()
    {
        var data = new TheoryData<string> { "demo-approval" };
        foreach (var json in CatalogueSeed.Definitions())
        {
            data.Add(DefinitionJson.Read(json).DefinitionId);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeededDefinitions))]
    public async Task Load_ThenRead_GivesBackTheSeededDefinitionUnchanged(string definitionId)
    {
        var definition = await SeededAsync(definitionId);
        var diagram = new BlazorDiagram();

        var header = Mapper.Load(diagram, definition);

        Assert.Equal(definition.Root.Activities.Count, diagram.Nodes.Count);
        Assert.Equal(definition.Root.Connections.Count, diagram.Links.Count);
        Assert.Equal(DefinitionJson.WriteString(definition), DefinitionDiagramMapper.ReadJson(diagram, header));
    }

    [Theory]
    [MemberData(nameof(SeededDefinitions))]
    public async Task Load_GivesEveryConnectionAnOutcomePortTheActivityOffers(string definitionId)
    {
        var diagram = new BlazorDiagram();
        Mapper.Load(diagram, await SeededAsync(definitionId));

        var nodes = diagram.Nodes.OfType<ActivityNodeModel>().ToList();
        Assert.All(nodes, n => Assert.NotNull(n.Descriptor));
        Assert.All(nodes.SelectMany(n => n.OutcomePorts), p => Assert.False(p.IsObsolete, $"{p.Activity.ActivityId}.{p.Name} is not an outcome of {p.Activity.Type}"));
        Assert.All(diagram.Links, l => Assert.IsType<ActivityPortModel>(l.Target.Model));
    }

    [Theory]
    [MemberData(nameof(SeededDefinitions))]
    public async Task Load_WithoutPositions_LaysOutColumnsAlongThePathFromStart(string definitionId)
    {
        var seeded = await SeededAsync(definitionId);
        var definition = DefinitionJson.Read(WithoutPositions(DefinitionJson.Write(seeded)));
        var diagram = new BlazorDiagram();

        var header = Mapper.Load(diagram, definition);

        var nodes = diagram.Nodes.OfType<ActivityNodeModel>().ToDictionary(n => n.ActivityId);
        var start = nodes.Values.Single(n => n.Type == "Start");
        Assert.Equal(0, start.Position.X);
        Assert.Equal(nodes.Count, nodes.Values.Select(n => (n.Position.X, n.Position.Y)).Distinct().Count());
        var main = Path(seeded, start.ActivityId);
        for (var i = 1; i < main.Count; i++)
        {
            Assert.True(nodes[main[i]].Position.X > nodes[main[i - 1]].Position.X, $"{main[i]} should stand right of {main[i - 1]}");
        }

        // What was laid out is kept: the read-back definition now carries the positions.
        var read = DefinitionDiagramMapper.Read(diagram, header);
        Assert.All(read.Root.Activities, a => Assert.NotNull(a.Metadata?["designer"]?["position"]));
    }

    [Fact]
    public void Read_TakesALinkDrawnFromAnInputToAnOutcome_AsTheConnectionFromTheOutcome()
    {
        var diagram = new BlazorDiagram();
        var start = Mapper.CreateNode("Start", "start", new Point(0, 0));
        var end = Mapper.CreateNode("End", "end", new Point(300, 0));
        diagram.Nodes.Add(start);
        diagram.Nodes.Add(end);
        diagram.Links.Add(new LinkModel(end.InputPort, start.OutcomePorts.Single()));
        diagram.Links.Add(new LinkModel(new SinglePortAnchor(start.OutcomePorts.Single()), new PositionAnchor(new Point(100, 100))));

        var definition = DefinitionDiagramMapper.Read(diagram, new DefinitionHeader { DefinitionId = "drawn", Name = "drawn" });

        var connection = Assert.Single(definition.Root.Connections);
        Assert.Equal(new Connection(new Approval.Engine.Definitions.Endpoint("start", "Done"), new Approval.Engine.Definitions.Endpoint("end", "In")), connection);
    }

    [Fact]
    public void Ports_OnlyAcceptLinksFromAnOutcomeToAnotherActivitysInput()
    {
        var a = Mapper.CreateNode("SetVariable", "a", new Point(0, 0));
        var b = Mapper.CreateNode("End", "b", new Point(300, 0));
        var outcome = a.OutcomePorts.Single();

        Assert.True(outcome.CanAttachTo(b.InputPort));
        Assert.False(outcome.CanAttachTo(a.InputPort));
        Assert.False(b.InputPort.CanAttachTo(outcome));
        Assert.False(outcome.CanAttachTo(outcome));
    }

    [Fact]
    public void ATasksPorts_FollowItsOutcomes_AndAPortStillLinkedStaysAsObsolete()
    {
        var diagram = new BlazorDiagram();
        var task = Mapper.CreateNode("HumanTask", "review", new Point(0, 0));
        var end = Mapper.CreateNode("End", "end", new Point(300, 0));
        diagram.Nodes.Add(task);
        diagram.Nodes.Add(end);
        Assert.Equal(["Approve", "Reject"], task.OutcomePorts.Select(p => p.Name));
        diagram.Links.Add(DefinitionDiagramMapper.Link(task.OutcomePort("Approve")!, end.InputPort));

        task.Inputs["outcomes"] = InputValue.Literal("String[]", new JsonArray("同意", "不同意", "补正"));
        Assert.True(Mapper.RefreshPorts(task));

        Assert.Equal(["同意", "不同意", "补正", "Approve"], task.OutcomePorts.Select(p => p.Name));
        Assert.True(task.OutcomePort("Approve")!.IsObsolete);
        Assert.False(task.OutcomePort("同意")!.IsObsolete);
    }

    [Fact]
    public void Load_KeepsAConnectionFromAPortTheActivityDoesNotOffer_SoTheValidatorCanReportIt()
    {
        var document = DefinitionJson.Write(new WorkflowDefinition
        {
            DefinitionId = "odd-port",
            Name = "odd",
            Root = new Flowchart
            {
                Activities = [new ActivityNode { Id = "start", Type = "Start" }, new ActivityNode { Id = "end", Type = "End" }, new ActivityNode { Id = "mystery", Type = "NoSuchType" }],
                Connections =
                [
                    new Connection(new("start", "Sideways"), new("end", "In")),
                    new Connection(new("start", "Done"), new("ghost", "In")),
                ],
            },
        });
        var definition = DefinitionJson.Read(document);
        var diagram = new BlazorDiagram();

        var header = Mapper.Load(diagram, definition);

        var start = diagram.Nodes.OfType<ActivityNodeModel>().Single(n => n.ActivityId == "start");
        Assert.True(start.OutcomePort("Sideways")!.IsObsolete);
        Assert.Null(diagram.Nodes.OfType<ActivityNodeModel>().Single(n => n.ActivityId == "mystery").Descriptor);
        var read = DefinitionDiagramMapper.Read(diagram, header);
        Assert.Equal("Sideways", Assert.Single(read.Root.Connections).Source.Port);
        Assert.Equal(3, read.Root.Activities.Count);
    }

    private async Task<WorkflowDefinition> SeededAsync(string definitionId)
    {
        var store = host.Services.GetRequiredService<IDefinitionStore>();
        var version = await store.FindVersionAsync(definitionId, 1, CancellationToken.None);
        Assert.NotNull(version);
        return DefinitionJson.Read(version.Json);
    }

    private static JsonObject WithoutPositions(JsonObject document)
    {
        foreach (var activity in document["root"]!["activities"]!.AsArray().OfType<JsonObject>())
        {
            activity["metadata"] = new JsonObject();
        }

        return document;
    }

    /// <summary>The path from Start along each activity's first outcome, stopping before a step already taken.</summary>
    private static List<string> Path(WorkflowDefinition definition, string start)
    {
        var path = new List<string> { start };
        while (definition.Root.Connections.FirstOrDefault(c => c.Source.Activity == path[^1]) is { } next && !path.Contains(next.Target.Activity))
        {
            path.Add(next.Target.Activity);
        }

        return path;
    }
}
