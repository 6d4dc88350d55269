using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;
using Approval.Engine.Clocks;
using Approval.Engine.Documents;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;
using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
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

    /// <summary>The journal, one row per commit and instance; <see cref="EntityFrameworkCore.JournalSegments.Read"/> unpacks the lines.</summary>
    public DbSet<JournalSegmentRow> JournalSegments => Set<JournalSegmentRow>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ClockRecord> Clocks => Set<ClockRecord>();

    public DbSet<Summaries.InstanceSummary> Summaries => Set<Summaries.InstanceSummary>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<EscalationJobSet> EscalationJobs => Set<EscalationJobSet>();

    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();

    public DbSet<CalendarYearRow> CalendarYears => Set<CalendarYearRow>();

    public DbSet<SimulatedClockRow> SimulatedClock => Set<SimulatedClockRow>();

    public DbSet<InstanceDocument> Documents => Set<InstanceDocument>();

    public DbSet<DocumentTemplate> DocumentTemplates => Set<DocumentTemplate>();

    public DbSet<SequenceRow> Sequences => Set<SequenceRow>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

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

            // Partial, on the flag: the lookups ask for "DefinitionId = x AND IsPublished" (a bare boolean), which SQLite
            // cannot match to an index on (DefinitionId, IsPublished); once ANALYZE had seen 500 versions of a definition
            // it scanned the table instead, reading every version's JSON on each start (1 ms instead of 0.06).
            e.HasIndex(d => d.DefinitionId, "IX_DefinitionVersions_Latest").HasFilter("\"IsLatest\"");
            e.HasIndex(d => d.DefinitionId, "IX_DefinitionVersions_Published").HasFilter("\"IsPublished\"");
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
            e.Property(i => i.JournalHash).HasMaxLength(64);
            e.Property(i => i.Revision).IsConcurrencyToken();

            // Only the indexes a query uses: every commit updates the row, and an index on a column a commit changes
            // (status, time) costs each commit an index delete and insert; on PostgreSQL it also rules out in-page
            // (HOT) updates. Lists by status come from InstanceSummaries and the work item indexes.
            e.HasIndex(i => i.CorrelationId);

            // The case list shows the newest cases first; without this it sorted every instance (0.1 s at 128,000,
            // growing with the city's years). Fixed at start, so commits never move it.
            e.HasIndex(i => i.CreatedAt);

            // Most instances have no parent; the children of one are found with ParentInstanceId = id, which implies not null.
            e.HasIndex(i => i.ParentInstanceId).HasFilter("\"ParentInstanceId\" IS NOT NULL");
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
            // Partial: most bookmarks are tasks, with no signal and no resume time, and every one of them is inserted and
            // deleted once; leaving them out spares two index writes each way. The lookups compare the column with a
            // value, which implies it is not null, so both databases still use these indexes.
            e.HasIndex(b => new { b.SignalName, b.CorrelationId }).HasFilter("\"SignalName\" IS NOT NULL");
            e.HasIndex(b => new { b.Kind, b.ResumeAt }).HasFilter("\"ResumeAt\" IS NOT NULL");
        });

        modelBuilder.Entity<WorkItem>(e =>
        {
            e.ToTable("WorkItems");
            e.HasKey(w => w.Id);
            e.Property(w => w.ActivityId).HasMaxLength(100);
            e.Property(w => w.Title).HasMaxLength(300);
            e.Property(w => w.Assignee).HasMaxLength(100);
            e.Property(w => w.Department).HasMaxLength(100);
            e.Property(w => w.DelegatedBy).HasMaxLength(100);
            e.Property(w => w.ActivityType).HasMaxLength(100);
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

        modelBuilder.Entity<ClockRecord>(e =>
        {
            e.ToTable("LegalClocks");
            e.HasKey(c => new { c.InstanceId, c.Name });
            e.Property(c => c.Name).HasMaxLength(64);
            e.Property(c => c.DefinitionId).HasMaxLength(100);
            e.Property(c => c.CorrelationId).HasMaxLength(100);
            e.Property(c => c.Subject).HasMaxLength(300);
            e.Property(c => c.Department).HasMaxLength(100);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.EscalatedLevel).HasConversion<int>();

            // The sweep and the alert lists look for open clocks by the instant a level begins.
            e.HasIndex(c => new { c.Status, c.YellowAt });
            e.HasIndex(c => new { c.Status, c.RedAt });
            e.HasIndex(c => new { c.Status, c.CriticalAt });
            // The alert lists read open clocks in due-date order, for a department or for all.
            e.HasIndex(c => new { c.Department, c.Status, c.CommittedDueDate, c.InstanceId });
            e.HasIndex(c => new { c.Status, c.CommittedDueDate, c.InstanceId });
            e.HasIndex(c => c.CorrelationId);
        });

        modelBuilder.Entity<Summaries.InstanceSummary>(e =>
        {
            e.ToTable("InstanceSummaries");
            e.HasKey(x => x.InstanceId);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.SubjectName).HasMaxLength(300);
            e.Property(x => x.Department).HasMaxLength(100);
            e.Property(x => x.StartedBy).HasMaxLength(100);
            e.Property(x => x.Category).HasMaxLength(32);
            e.Property(x => x.Stage).HasMaxLength(32);

            // Reports read a period, grouped one of three ways. A department's report is a range of the department
            // index; the whole city's is a range of the last index, which holds every column a report counts, so it
            // is read without touching the table.
            e.HasIndex(x => new { x.Subject, x.StartedAt });
            e.HasIndex(x => new { x.Department, x.StartedAt });
            e.HasIndex(x => new { x.StartedBy, x.StartedAt });
            e.HasIndex(x => new { x.StartedAt, x.Department, x.Subject, x.StartedBy, x.Category, x.Returned, x.ClockRunning, x.DueDate, x.ClosedOn, x.WorkingDaysUsed })
                .HasDatabaseName("IX_InstanceSummaries_Report");
        });

        modelBuilder.Entity<Escalation>(e =>
        {
            e.ToTable("Escalations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ClockName).HasMaxLength(64);
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Department).HasMaxLength(100);
            e.Property(x => x.CorrelationId).HasMaxLength(100);
            e.Property(x => x.Source).HasMaxLength(16);
            Json(e.Property(x => x.Recipients));

            // The once-per-clock-and-level guarantee, across retries and hosts.
            e.HasIndex(x => new { x.InstanceId, x.ClockName, x.Level }).IsUnique();
            e.HasIndex(x => x.EscalatedAt);
            e.HasIndex(x => new { x.Department, x.EscalatedAt });
        });

        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("Notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.Recipient).HasMaxLength(200);
            e.Property(n => n.Kind).HasMaxLength(32);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(2000);
            e.Property(n => n.CorrelationId).HasMaxLength(100);
            e.Property(n => n.ReadBy).HasMaxLength(100);
            e.Property(n => n.Level).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(n => new { n.Recipient, n.CreatedAt });
        });

        modelBuilder.Entity<EscalationJobSet>(e =>
        {
            e.ToTable("EscalationJobs");
            e.HasKey(j => new { j.InstanceId, j.ClockName });
            e.Property(j => j.ClockName).HasMaxLength(64);
            Json(e.Property(j => j.JobIds));
        });

        modelBuilder.Entity<CalendarDayRow>(e =>
        {
            e.ToTable("CalendarDays");
            e.HasKey(d => new { d.NoticeYear, d.Date });
            e.Property(d => d.Kind).HasMaxLength(16);
            e.Property(d => d.Name).HasMaxLength(50);
        });

        modelBuilder.Entity<CalendarYearRow>(e =>
        {
            e.ToTable("CalendarYears");
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.Source).HasMaxLength(300);
            e.Property(y => y.LoadedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<InstanceDocument>(e =>
        {
            e.ToTable("Documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasMaxLength(64);
            e.Property(d => d.Title).HasMaxLength(200);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.TemplateKey).HasMaxLength(64);
            e.Property(d => d.ActivityId).HasMaxLength(100);
            e.Property(d => d.CreatedBy).HasMaxLength(100);
            e.HasIndex(d => new { d.InstanceId, d.Sequence });
        });

        modelBuilder.Entity<DocumentTemplate>(e =>
        {
            e.ToTable("DocumentTemplates");
            e.HasKey(t => new { t.Kind, t.Scope, t.Version });
            e.Property(t => t.Kind).HasMaxLength(64);
            e.Property(t => t.Scope).HasMaxLength(100);
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<SequenceRow>(e =>
        {
            e.ToTable("Sequences");
            e.HasKey(q => q.Name);
            e.Property(q => q.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<SimulatedClockRow>(e =>
        {
            e.ToTable("SimulatedClock");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.UpdatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<JournalSegmentRow>(e =>
        {
            e.ToTable("JournalSegments");
            e.HasKey(j => new { j.InstanceId, j.FirstSequence });
            e.Property(j => j.Lines).HasColumnType(JsonColumnType);
        });

        modelBuilder.Entity<Audit.AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.Hash).HasMaxLength(64);
            Json(e.Property(a => a.Before));
            Json(e.Property(a => a.After));
            e.HasIndex(a => new { a.Subject, a.Sequence });
            e.HasIndex(a => a.At);
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
