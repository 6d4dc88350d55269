using Approval.Engine;
using Approval.Engine.Audit;
using Approval.Engine.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Approval.DesignerHost.Audit;

/// <summary><c>dotnet run --project designer-host -- verify-audit [--instance &lt;id&gt;]</c>: verifies the configured database's records without starting the host.</summary>
/// <remarks>
/// Recomputes every instance's journal chain and case file (or one instance's), then the audit table's chain, prints what
/// does not hold, and exits 1 when anything was tampered with, 2 when it could not check (bad arguments, no database,
/// a schema not yet migrated), 0 when everything verifies. It only reads: it never migrates or seeds the database.
/// The database is configured as for the host (appsettings, <c>ConnectionStrings__Approval</c>, <c>--ConnectionStrings:Approval=…</c>).
/// </remarks>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        Guid? only = null;
        var index = Array.IndexOf(args, "--instance");
        if (index >= 0)
        {
            if (index + 1 >= args.Length || !Guid.TryParse(args[index + 1], out var id))
            {
                await output.WriteLineAsync($"usage: {Name} [--instance <instance id>]   (--instance needs a GUID)");
                return 2;
            }

            only = id;
        }

        var configuration = WebApplication.CreateBuilder(args.Where((_, i) => i != 0 && i != index && i != index + 1).ToArray()).Configuration;
        var (provider, connectionString) = ApprovalHostExtensions.DatabaseOf(configuration);
        if (provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(connectionString).DataSource is var file && !File.Exists(file))
        {
            await output.WriteLineAsync($"No database at '{Path.GetFullPath(file)}'.");
            return 2;
        }

        var services = new ServiceCollection().AddLogging().AddApprovalEngineCore();
        services.AddApprovalEngineStorage(provider, connectionString);
        await using var root = services.BuildServiceProvider();
        await using (var db = root.GetRequiredService<EngineDbContextFactory>().Create())
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await output.WriteLineAsync("The database's schema is not up to date; start the host once to migrate it, then verify.");
                return 2;
            }
        }

        await using var scope = root.CreateAsyncScope();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        var (instances, broken, unchained) = (0, 0, 0);
        if (only is { } instanceId)
        {
            if (await verifier.VerifyInstanceAsync(instanceId, cancellationToken) is not { } report)
            {
                await output.WriteLineAsync($"Instance {instanceId} does not exist.");
                return 2;
            }

            (instances, broken, unchained) = (1, report.Intact ? 0 : 1, report.Unchained);
            await WriteAsync(output, report, printIntact: true);
        }
        else
        {
            await foreach (var report in verifier.VerifyAllInstancesAsync(cancellationToken))
            {
                instances++;
                broken += report.Intact ? 0 : 1;
                unchained += report.Unchained;
                await WriteAsync(output, report, printIntact: false);
            }
        }

        var trail = await verifier.VerifyTrailAsync(cancellationToken);
        foreach (var finding in trail.Findings)
        {
            await output.WriteLineAsync($"audit table: entry {finding.Sequence}: {finding.Problem}");
        }

        await output.WriteLineAsync(
            $"{instances} instance(s) checked, {broken} tampered{(unchained > 0 ? $", {unchained} journal line(s) unchained (written before auditing)" : "")}; "
            + $"audit table: {trail.Entries} entries, {(trail.Intact ? "intact" : $"{trail.Findings.Count} finding(s)")}.");
        return broken > 0 || !trail.Intact ? 1 : 0;
    }

    private static async Task WriteAsync(TextWriter output, InstanceAuditReport report, bool printIntact)
    {
        if (report.Intact)
        {
            if (printIntact)
            {
                await output.WriteLineAsync($"instance {report.InstanceId}: intact ({report.Entries} journal lines, {report.CaseFile.Documents} documents)");
            }

            return;
        }

        await output.WriteLineAsync($"instance {report.InstanceId}: TAMPERED");
        foreach (var finding in report.Findings)
        {
            await output.WriteLineAsync($"  journal line {finding.Sequence}: {finding.Problem}");
        }

        foreach (var finding in report.CaseFile.Findings)
        {
            await output.WriteLineAsync($"  documents: {finding}");
        }
    }
}
