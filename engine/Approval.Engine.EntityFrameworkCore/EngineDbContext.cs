using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;
using Approval.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Approval.Engine.EntityFrameworkCore;

/// <summary>The engine's tables. One derived context per provider, each with its own migrations (their SQL differs).</summary>
/// <remarks>
/// Every instant is stored as a UTC <see cref="DateTime"/>: PostgreSQL refuses non-zero offsets and SQLite cannot order
/// <see cref="DateTimeOffset"/> columns. JSON documents are stored as text on SQLite and json on PostgreSQL.
/// </remarks>
public abstract class EngineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionVersion> DefinitionVersions => Set<DefinitionVersion>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>The column type for JSON documents on this provider.</summary>
    protected abstract string JsonColumnType { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionVersion>(e =>
        {
            e.ToTable("DefinitionVersions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(120);
            e.Property(d => d.DefinitionId).HasMaxLength(100);
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Description).HasMaxLength(2000);
            e.Property(d => d.CreatedBy).HasMaxLength(100);
            e.Property(d => d.Json).HasColumnType(JsonColumnType);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
            e.HasIndex(d => new { d.DefinitionId, d.IsLatest });
            e.HasIndex(d => new { d.DefinitionId, d.IsPublished });
        });

        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(i => i.Id);
            e.Property(i => i.DefinitionId).HasMaxLength(100);
            e.Property(i => i.DefinitionVersionId).HasMaxLength(120);
            e.Property(i => i.CorrelationId).HasMaxLength(100);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            Json(e.Property(i => i.Input));
            Json(e.Property(i => i.Variables));
            Json(e.Property(i => i.State));
            Json(e.Property(i => i.Incident));
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => new { i.DefinitionId, i.Status });
            e.HasIndex(i => i.CorrelationId);
            e.HasIndex(i => i.ParentInstanceId);
            e.HasIndex(i => new { i.Status, i.UpdatedAt });
        });

        modelBuilder.Entity<Bookmark>(e =>
        {
            e.ToTable("Bookmarks");
            e.HasKey(b => b.Id);
            e.Property(b => b.ActivityId).HasMaxLength(100);
            e.Property(b => b.Kind).HasMaxLength(32);
            e.Property(b => b.SignalName).HasMaxLength(100);
            e.Property(b => b.CorrelationId).HasMaxLength(100);
            Json(e.Property(b => b.Payload));
            e.HasIndex(b => b.InstanceId);
            e.HasIndex(b => new { b.SignalName, b.CorrelationId });
            e.HasIndex(b => new { b.Kind, b.ResumeAt });
        });

        modelBuilder.Entity<WorkItem>(e =>
        {
            e.ToTable("WorkItems");
            e.HasKey(w => w.Id);
            e.Property(w => w.ActivityId).HasMaxLength(100);
            e.Property(w => w.Title).HasMaxLength(300);
            e.Property(w => w.Assignee).HasMaxLength(100);
            e.Property(w => w.Department).HasMaxLength(100);
            e.Property(w => w.Outcome).HasMaxLength(100);
            e.Property(w => w.CompletedBy).HasMaxLength(100);
            e.Property(w => w.Comment).HasMaxLength(4000);
            e.Property(w => w.CorrelationId).HasMaxLength(100);
            e.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
            Json(e.Property(w => w.CandidateRoles));
            Json(e.Property(w => w.Outcomes));
            Json(e.Property(w => w.Data));
            e.HasIndex(w => w.BookmarkId).IsUnique();
            e.HasIndex(w => w.InstanceId);
            e.HasIndex(w => new { w.Status, w.Assignee, w.DueAt });
            e.HasIndex(w => new { w.Status, w.Department, w.DueAt });
        });

        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("JournalEntries");
            e.HasKey(j => new { j.InstanceId, j.Sequence });
            e.Property(j => j.Event).HasMaxLength(40);
            e.Property(j => j.ActivityId).HasMaxLength(100);
            e.Property(j => j.ActivityType).HasMaxLength(100);
            e.Property(j => j.Actor).HasMaxLength(100);
            Json(e.Property(j => j.Data));
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasMaxLength(32);
            e.Property(o => o.Payload).HasColumnType(JsonColumnType);
            e.Property(o => o.LastError).HasMaxLength(2000);
            e.HasIndex(o => o.AvailableAt).HasFilter("\"ProcessedAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Pending");
            e.HasIndex(o => o.ProcessedAt);
        });
    }

    private void Json<T>(PropertyBuilder<T> property)
    {
        property.HasConversion(new JsonValueConverter<T>(), new JsonValueComparer<T>()).HasColumnType(JsonColumnType);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    private sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
        v => JsonSerializer.Serialize(v, EngineJson.Options),
        v => JsonSerializer.Deserialize<T>(v, EngineJson.Options)!);

    /// <summary>Compares JSON-mapped values by their serialized form, so in-place edits are noticed.</summary>
    private sealed class JsonValueComparer<T>() : ValueComparer<T>(
        (a, b) => JsonSerializer.Serialize(a, EngineJson.Options) == JsonSerializer.Serialize(b, EngineJson.Options),
        v => JsonSerializer.Serialize(v, EngineJson.Options).GetHashCode(),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, EngineJson.Options), EngineJson.Options)!);
}

/// <summary>The engine's tables on SQLite, the embedded default.</summary>
public sealed class SqliteEngineDbContext(DbContextOptions<SqliteEngineDbContext> options) : EngineDbContext(options)
{
    protected override string JsonColumnType => "TEXT";
}

/// <summary>The engine's tables on PostgreSQL, for production and several hosts.</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    // json, not jsonb: nothing queries inside these documents yet, and jsonb makes PostgreSQL parse every one it is given.
    protected override string JsonColumnType => "json";
}
