namespace Approval.Engine.Clocks;

/// <summary>How close a clock is to its limits, worst last so levels compare with &lt; and &gt;.</summary>
public enum WarningLevel
{
    /// <summary>More committed working days remain than the yellow threshold.</summary>
    Normal = 0,

    /// <summary>At most max(1, ⌈20% of the committed limit⌉) committed working days remain.</summary>
    Yellow = 1,

    /// <summary>Past the committed due date.</summary>
    Red = 2,

    /// <summary>Past the statutory due date: the time limit the law sets has been broken.</summary>
    Critical = 3,
}
