namespace Approval.Bench;

/// <summary>CPU use over a measurement: machine shares in percent of all cores, process groups in cores.</summary>
/// <remarks>Steal is time the hypervisor gave this VM's cores to someone else: a noisy neighbour the guest cannot see.</remarks>
public sealed record CpuUse(double MachineBusyPercent, double MachineIoWaitPercent, double MachineStealPercent, double BenchCores, double PostgresCores, double OtherCores);
