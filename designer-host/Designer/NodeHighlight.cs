namespace Approval.DesignerHost.Designer;

/// <summary>How the case view marks an activity: on the path taken, or where the case waits now.</summary>
public enum NodeHighlight
{
    None = 0,
    Completed = 1,
    Waiting = 2,
}
