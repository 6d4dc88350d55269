namespace Approval.DesignerHost.Options;

/// <summary>Host-wide switches under <c>Approval</c>.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approval";

    /// <value>Whether demo users and the demo definition are seeded into an empty database; true by default.</value>
    public bool SeedDemoData { get; set; } = true;
}
