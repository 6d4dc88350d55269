namespace Approval.Workflows.Supervision;

/// <summary>One group's figures for a period (domain.md §6).</summary>
/// <param name="Key">The matter code, department name or clerk user name.</param>
/// <param name="Name">What a person reads: the matter's name, the department, the clerk.</param>
/// <param name="Received">Applications received (收件).</param>
/// <param name="Completed">Cases decided or otherwise finished with a running legal clock stopped.</param>
/// <param name="CompletedOnTime">Completed on or before the committed due date (after pauses and extensions).</param>
/// <param name="OnTimeRate">CompletedOnTime ÷ Completed; null when nothing completed.</param>
/// <param name="OverdueCount">Open past the committed due date plus completed after it.</param>
/// <param name="Returns">Refusals of acceptance plus one-time correction notices (退件).</param>
/// <param name="ReturnRate">Returns ÷ Received; null when nothing was received.</param>
/// <param name="ReturnRateFlag">True above 10% (the Dongguan plan's retraining threshold).</param>
/// <param name="AverageWorkingDays">Mean working days from acceptance to completion; null when nothing completed.</param>
/// <param name="Immediate">Cases of matters typed 即办件.</param>
/// <param name="ImmediateRatio">Immediate ÷ Received; null when nothing was received.</param>
public sealed record MetricsRow(
    string Key,
    string Name,
    int Received,
    int Completed,
    int CompletedOnTime,
    double? OnTimeRate,
    int OverdueCount,
    int Returns,
    double? ReturnRate,
    bool ReturnRateFlag,
    double? AverageWorkingDays,
    int Immediate,
    double? ImmediateRatio);
