using Approval.Engine.Clocks;

namespace Approval.DesignerHost.Ui;

/// <summary>A warning level as the pages write it: its lower-case name (the contract's and app.css's) and its css class.</summary>
public static class WarningLevels
{
    public static string Name(WarningLevel? level) => (level ?? WarningLevel.Normal).ToString().ToLowerInvariant();

    /// <summary>The app.css class that colours a level; none for normal.</summary>
    public static string CssClass(WarningLevel? level) => level is null or WarningLevel.Normal ? "" : $"warning-{Name(level)}";
}
