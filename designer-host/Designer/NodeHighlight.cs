namespace Approval.DesignerHost.Designer;

/// <summary>How a node is marked: on a case's path or where it waits now (case view), or added, removed or changed (version diff).</summary>
public enum NodeHighlight
{
    None = 0,
    Completed = 1,
    Waiting = 2,
    Added = 3,
    Removed = 4,
    Changed = 5,
}
