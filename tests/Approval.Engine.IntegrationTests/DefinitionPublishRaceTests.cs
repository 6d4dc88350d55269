using Approval.Engine.Definitions;
using Approval.Engine.EntityFrameworkCore;
using Approval.Engine.Execution;
using Approval.Engine.IntegrationTests.Infrastructure;
using Approval.Engine.Storage;
using Approval.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.IntegrationTests;

/// <summary>Two publishes of one draft, the second landing between the first's reads: one wins, the other is a conflict, never a crash.</summary>
/// <remarks>The interleaving is forced through a store that lets the other publish commit at the worst moment, so the test does not depend on timing.</remarks>
public abstract class DefinitionPublishRaceTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task PublishAsync_WhenTheSameVersionIsPublishedBetweenItsReads_IsAConflictAndLeavesOnePublishedVersion()
    {
        await using var host = await EngineHost.StartAsync(await TestDatabases.NewAsync(Provider, runBackgroundServers: false));
        var store = host.Services.GetRequiredService<IDefinitionStore>();
        var validator = host.Services.GetRequiredService<DefinitionValidator>();
        var plain = new WorkflowDefinitionService(store, validator, TimeProvider.System);
        await host.PublishAsync(Flow("v1"));
        await plain.SaveDraftAsync(DefinitionJson.Read(Flow("v2")), "tester", CancellationToken.None);

        // The other designer's publish commits after this one has read the draft and before it looks for the published version.
        var interleaved = new WorkflowDefinitionService(
            new BeforeFindPublished(store, () => plain.PublishAsync("double-publish", "other", CancellationToken.None)), validator, TimeProvider.System);
        var conflict = await Assert.ThrowsAsync<WorkflowConflictException>(() => interleaved.PublishAsync("double-publish", "tester", CancellationToken.None));

        Assert.Contains("published", conflict.Message);
        var versions = await store.ListVersionsAsync("double-publish", CancellationToken.None);
        Assert.Equal(2, Assert.Single(versions, v => v.IsPublished).Version);
    }

    private static string Flow(string mark) =>
        new FlowBuilder("double-publish").Activity("start", "Start").Activity(mark, "Log", ("message", mark)).Activity("end", "End").Chain("start", mark, "end").ToJson();

    /// <summary>Runs an action once, just before the first look-up of the published version.</summary>
    private sealed class BeforeFindPublished(IDefinitionStore inner, Func<Task> action) : IDefinitionStore
    {
        private Func<Task>? _pending = action;

        public async Task<DefinitionVersion?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _pending, null) is { } run)
            {
                await run();
            }

            return await inner.FindPublishedAsync(definitionId, cancellationToken);
        }

        public Task<DefinitionVersion?> FindByIdAsync(string versionId, CancellationToken cancellationToken) => inner.FindByIdAsync(versionId, cancellationToken);

        public Task<DefinitionVersion?> FindLatestAsync(string definitionId, CancellationToken cancellationToken) => inner.FindLatestAsync(definitionId, cancellationToken);

        public Task<DefinitionVersion?> FindPublishedHeaderAsync(string definitionId, CancellationToken cancellationToken) => inner.FindPublishedHeaderAsync(definitionId, cancellationToken);

        public Task<DefinitionVersion?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken) => inner.FindVersionAsync(definitionId, version, cancellationToken);

        public Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken) => inner.ListVersionsAsync(definitionId, cancellationToken);

        public Task<IReadOnlyList<DefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken) => inner.ListLatestAsync(cancellationToken);

        public Task SaveAsync(IReadOnlyList<DefinitionVersion> added, IReadOnlyList<DefinitionVersion> updated, Approval.Engine.Audit.AuditRecord? audit, CancellationToken cancellationToken) =>
            inner.SaveAsync(added, updated, audit, cancellationToken);
    }
}

public sealed class SqliteDefinitionPublishRaceTests : DefinitionPublishRaceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDefinitionPublishRaceTests : DefinitionPublishRaceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
