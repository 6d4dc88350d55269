using Approval.Engine.HumanTasks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;

namespace Approval.Engine.Execution;

/// <summary>The instance after a burst, with what the burst journaled and the work items it created.</summary>
public sealed record RunResult(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<WorkItem> CreatedWorkItems);
