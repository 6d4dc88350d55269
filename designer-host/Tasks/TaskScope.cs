namespace Approval.DesignerHost.Tasks;

/// <summary>Which tasks an inbox lists.</summary>
public enum TaskScope
{
    /// <summary>Held by me.</summary>
    Mine,

    /// <summary>Unheld, offered to one of my roles in my department: the pool I may claim from.</summary>
    Candidate,

    /// <summary>Everything of my department (admins: everything).</summary>
    All,
}
