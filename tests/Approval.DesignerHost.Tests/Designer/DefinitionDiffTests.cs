using System.Text.Json.Nodes;
using Approval.DesignerHost.Designer;
using Approval.Engine.Definitions;
using Approval.Workflows.Catalogue;

namespace Approval.DesignerHost.Tests.Designer;

public sealed class DefinitionDiffTests
{
    [Fact]
    public void Between_NamesActivitiesAddedRemovedAndChanged_AndConnections_ButNotMovedNodes()
    {
        var before = DefinitionJson.Read(CatalogueSeed.Definitions().Single(j => j.Contains("\"food-business-licence\"", StringComparison.Ordinal)));
        var document = DefinitionJson.Write(before);
        var activities = document["root"]!["activities"]!.AsArray();
        var connections = document["root"]!["connections"]!.AsArray();

        var archive = activities.OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == "archive");
        activities.Remove(archive);
        foreach (var c in connections.OfType<JsonObject>().Where(c => c["source"]!["activity"]!.GetValue<string>() == "archive" || c["target"]!["activity"]!.GetValue<string>() == "archive").ToList())
        {
            connections.Remove(c);
        }

        activities.Add(new JsonObject { ["id"] = "log", ["type"] = "Log", ["metadata"] = new JsonObject() });
        connections.Add(new JsonObject { ["source"] = new JsonObject { ["activity"] = "licence", ["port"] = "Done" }, ["target"] = new JsonObject { ["activity"] = "log", ["port"] = "In" } });
        var review = activities.OfType<JsonObject>().Single(a => a["id"]!.GetValue<string>() == "review");
        review["name"] = "审查决定（改）";
        review["metadata"]!["designer"]!["position"]!["x"] = 9999;
        document["name"] = "改名";
        var after = DefinitionJson.Read(document);

        var diff = DefinitionDiff.Between(before, after);

        Assert.Equal("log", Assert.Single(diff.AddedActivities).Id);
        Assert.Equal("archive", Assert.Single(diff.RemovedActivities).Id);
        var change = Assert.Single(diff.ChangedActivities);
        Assert.Equal("review", change.ActivityId);
        Assert.True(change.NameChanged);
        Assert.Empty(change.ChangedInputs);
        Assert.Contains(diff.AddedConnections, c => c.Key == "licence:Done->log");
        Assert.Contains(diff.RemovedConnections, c => c.Target.Activity == "archive");
        Assert.Equal(["name"], diff.ChangedProperties);
        Assert.True(DefinitionDiff.Between(before, before).IsEmpty);
    }

    [Fact]
    public void TextDiff_PairsEqualLines_AndPutsChangesOpposite()
    {
        var rows = TextDiff.SideBySide("a\nb\nc\nd", "a\nB\nc\nd\ne");

        Assert.Equal(
            [DiffKind.Same, DiffKind.Changed, DiffKind.Same, DiffKind.Same, DiffKind.Added],
            rows.Select(r => r.Kind));
        Assert.Equal(("b", "B"), (rows[1].Left, rows[1].Right));
        Assert.Null(rows[4].Left);
    }
}
