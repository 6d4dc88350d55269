using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Activities.Tests.Support;
using Approval.Engine.Documents;
using Approval.Engine.Instances;
using Approval.Engine.Tests.Support;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Activities.Tests.Results;

/// <summary>归档 at the end of a case (receipt → expert review → licence → archive): the manifest lists the case's documents with their SHA-256.</summary>
/// <remarks>
/// Received Friday 2026-09-18 10:00: the receipt and the special-procedure notice are issued in the first burst. The expert
/// review ends Tuesday 09-29 10:00, and the licence, the archive and the end follow in that one burst.
/// </remarks>
public sealed class ArchiveTests
{
    private const string ClosedAt = "2026-09-29 10:00";

    private static string Flow() => new FlowBuilder("archive")
        .Activity("start", "Start")
        .Activity("receive", "AcceptOnReceipt")
        .Activity("special", "SpecialProcedure", ("procedure", "ExpertReview"), ("budgetDays", 5), ("candidateRoles", new JsonArray("Expert")))
        .Activity("licence", "IssueLicence", ("licenceName", "食品经营许可证"), ("licenceNumber", "JY14419000012345"), ("validUntil", "2031-09-28"))
        .Activity("archive", "Archive")
        .Activity("end", "End")
        .Connect("start", "receive")
        .Connect("receive", "special", "Accepted")
        .Connect("special", "licence", "Passed")
        .Connect("licence", "archive")
        .Connect("archive", "end")
        .ToJson();

    private static async Task RunTheCaseAsync(RunnerHarness harness)
    {
        await harness.StartAsync(CaseSamples.Input(CaseSamples.Guide(), CaseSamples.Application("M01", "M02", "M03", "M04")));
        harness.Clock.SetUtcNow(At(ClosedAt));
        await harness.ResumeAsync(harness.BookmarkOf("special"), new JsonObject { ["outcome"] = "Passed", ["comment"] = "专家评审通过" }, actor: "张专家");
    }

    /// <summary>The manifest's check value, worked out here: SHA-256 over "id sha256" lines of the listed documents.</summary>
    private static string ChainOf(IEnumerable<InstanceDocument> documents) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", documents.Select(d => $"{d.Id:N} {d.Sha256}")))));

    private static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static void AssertListedInOrder(string manifest, IReadOnlyList<InstanceDocument> documents)
    {
        var at = -1;
        foreach (var document in documents)
        {
            var next = manifest.IndexOf($"<td class=\"hash\">{document.Sha256}</td>", StringComparison.Ordinal);
            Assert.True(next > at, $"{document.Kind} ({document.Sha256}) is not listed after the document before it");
            Assert.Contains(document.Number!, manifest);
            at = next;
        }
    }

    [Fact]
    public async Task RunnerOnly_ManifestListsTheDocumentsOfItsOwnBurst_WithTheirHashes()
    {
        // The runner-only harness has no document store, so the archive sees only the documents issued in its own burst:
        // here the licence decision, issued just before it. The listing of earlier documents read from the store is covered
        // by CaseFileFromTheStore_... below (a store over the harness's commits) and by CaseFlowTests in
        // Approval.Engine.IntegrationTests (EF Core store, SQLite and PostgreSQL).
        var harness = new RunnerHarness(Flow(), ActivitiesServiceCollectionExtensions.All, At("2026-09-18 10:00"));

        await RunTheCaseAsync(harness);

        Assert.Equal(WorkflowStatus.Completed, harness.Instance.Status);
        var closing = harness.Commits[^1];
        Assert.Equal(["ApprovalDecision", "CaseFileManifest"], closing.Documents.Select(d => d.Kind));
        var (decision, manifest) = (closing.Documents[0], closing.Documents[1]);
        Assert.Equal("卷内目录", manifest.Title);
        Assert.Equal(Sha256Of(manifest.Content), manifest.Sha256);
        AssertListedInOrder(manifest.Content, [decision]);
        Assert.Contains("卷内文书 1 份", manifest.Content);
        Assert.Contains("GD4419-20261127-0001", manifest.Content);
        Assert.Contains("食品经营许可（新办）", manifest.Content);
        Assert.Contains("归档时间：2026-09-29 10:00", manifest.Content);

        var archive = harness.Instance.Variables["archive"]!;
        Assert.Equal(1, archive["documents"]!.GetValue<int>());
        Assert.Equal(ChainOf([decision]), archive["contentHash"]!.GetValue<string>());
        Assert.Contains(ChainOf([decision]), manifest.Content);
        Assert.Equal(manifest.Id.ToString(), archive["manifestDocumentId"]!.GetValue<string>());
        Assert.Equal(manifest.Sha256, archive["manifestSha256"]!.GetValue<string>());
        Assert.Equal(At(ClosedAt), Instant(archive["closedAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CaseFileFromTheStore_ManifestListsEveryEarlierDocumentInOrder_WithTheHashesTheyWereIssuedWith()
    {
        var store = new CommittedDocuments();
        var harness = new RunnerHarness(Flow(), ActivitiesServiceCollectionExtensions.Create(new DocumentIssuer(new DocumentRenderer(TimeProvider.System)), store), At("2026-09-18 10:00"));
        store.Source = () => harness.Commits.SelectMany(c => c.Documents);

        await RunTheCaseAsync(harness);

        var issued = harness.Commits.SelectMany(c => c.Documents).ToList();
        Assert.Equal(["AcceptanceReceipt", "SpecialProcedureNotice", "ApprovalDecision", "CaseFileManifest"], issued.Select(d => d.Kind));
        var manifest = issued[^1];
        var listed = issued.Take(issued.Count - 1).ToList();
        AssertListedInOrder(manifest.Content, listed);
        foreach (var document in listed)
        {
            Assert.Equal(Sha256Of(document.Content), document.Sha256);
        }

        Assert.Contains("卷内文书 3 份", manifest.Content);
        var archive = harness.Instance.Variables["archive"]!;
        Assert.Equal(3, archive["documents"]!.GetValue<int>());
        Assert.Equal(ChainOf(listed), archive["contentHash"]!.GetValue<string>());
    }

    /// <summary>A document store over what the harness has committed so far, as the database would hold it.</summary>
    private sealed class CommittedDocuments : IDocumentStore
    {
        public Func<IEnumerable<InstanceDocument>> Source { get; set; } = () => [];

        public Task<InstanceDocument?> FindAsync(Guid documentId, CancellationToken cancellationToken) =>
            Task.FromResult(Source().FirstOrDefault(d => d.Id == documentId));

        public Task<IReadOnlyList<InstanceDocument>> ListForInstanceAsync(Guid instanceId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<InstanceDocument>>([.. Source().Where(d => d.InstanceId == instanceId)]);

        public Task<DocumentTemplate?> FindTemplateAsync(string kind, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
            Task.FromResult<DocumentTemplate?>(null);

        public Task<IReadOnlyList<DocumentTemplate>> ListTemplateVersionsAsync(string? kind, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DocumentTemplate>>([]);

        public Task<DocumentTemplate> AddTemplateVersionAsync(string kind, string scope, string title, string content, string createdBy, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
