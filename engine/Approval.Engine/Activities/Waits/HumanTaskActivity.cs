using System.Text.Json.Nodes;
using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities.Waits;

/// <summary>The human-task primitive: a work item for an assignee or candidate roles, completed through one of its outcomes.</summary>
/// <remarks>
/// The outcomes are the ports, so they must be literal. The completion payload is <c>{outcome, comment, data}</c>;
/// an outcome the task does not offer is refused and the task stays open.
/// </remarks>
public sealed class HumanTaskActivity : Activity
{
    public const string TypeName = "HumanTask";

    private static readonly JsonArray DefaultOutcomes = ["Approve", "Reject"];

    public override ActivityDescriptor Descriptor { get; } = new(
        TypeName, Categories.Waits, new("人工任务", "Human task"),
        new("为指定人员或角色生成待办，等待其选择处理结果。", "Creates a work item for a person or roles and waits for them to choose an outcome."),
        [
            new InputDescriptor("title", "String", new("任务标题", "Title"), Required: true),
            new InputDescriptor("assignee", "String", new("办理人", "Assignee")),
            new InputDescriptor("candidateRoles", "String[]", new("候选角色", "Candidate roles")),
            new InputDescriptor("department", "String", new("部门", "Department")),
            new InputDescriptor("dueAt", "DateTimeOffset", new("截止时刻", "Due at")),
            new InputDescriptor("dueIn", "TimeSpan", new("办理时长", "Due in")),
            new InputDescriptor("limitWorkingDays", "Int32", new("环节时限（工作日）", "Step limit (working days)")),
            new InputDescriptor("outcomes", "String[]", new("处理结果", "Outcomes"), DefaultValue: DefaultOutcomes, LiteralOnly: true),
            new InputDescriptor("resultVariable", "String", new("结果变量", "Result variable"), LiteralOnly: true),
        ],
        ["Approve", "Reject"],
        DynamicOutcomes: true);

    public override IReadOnlyList<string> GetOutcomes(ActivityNode node)
    {
        var outcomes = InputConversions.LiteralStrings(node.Input("outcomes"));
        return outcomes.Count > 0 ? outcomes : Descriptor.Outcomes;
    }

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var hasAssignee = node.Input("assignee") is { IsEmpty: false };
        var hasRoles = node.Input("candidateRoles") is { IsEmpty: false };
        var hasDepartment = node.Input("department") is { IsEmpty: false };
        if (!hasAssignee && !hasRoles && !hasDepartment)
        {
            yield return new DefinitionError("missing-input", "A human task needs an assignee, candidate roles or a department, or nobody can take it.", node.Id, "assignee");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var limit = context.GetInt32("limitWorkingDays");
        if (limit is <= 0)
        {
            throw new FormatException($"A step limit must be at least one working day, not {limit}.");
        }

        // A step limit in working days (a task clock) is over at the start of the day after its due date, Beijing time.
        var dueAt = limit is { } days
            ? ChinaTime.StartOfDay(context.Calendar.AddWorkingDays(ChinaTime.DateOf(context.Now), days).AddDays(1))
            : context.GetInstant("dueAt") ?? (context.GetDuration("dueIn") is { } dueIn ? context.Now + dueIn : null);
        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.Instance.CorrelationId);
        var item = context.CreateWorkItem(
            bookmark,
            context.GetString("title") ?? context.Node.Id,
            context.GetString("assignee"),
            context.GetStrings("candidateRoles"),
            context.GetString("department"),
            dueAt,
            GetOutcomes(context.Node));
        item.LimitWorkingDays = limit;
        return new(ActivityResult.Wait(bookmark));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var outcome = InputConversions.ToText(stimulus.Payload?["outcome"]);
        var allowed = GetOutcomes(context.Node);
        if (string.IsNullOrWhiteSpace(outcome) || !allowed.Contains(outcome, StringComparer.Ordinal))
        {
            throw new InvalidStimulusException($"Outcome '{outcome}' is not one this task offers; choose one of: {string.Join(", ", allowed)}.");
        }

        var data = stimulus.Payload?["data"] as JsonObject;
        context.CompleteWorkItem(stimulus.Bookmark, outcome, InputConversions.ToText(stimulus.Payload?["comment"]), data);
        if (InputConversions.ToText(context.Node.Input("resultVariable")?.Value) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["outcome"] = outcome, ["by"] = stimulus.Actor, ["data"] = data?.DeepClone() });
        }

        return new(ActivityResult.Complete(outcome));
    }
}
