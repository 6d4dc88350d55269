using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Activities.Review;

/// <summary>审批环节: an approval step for one approver or several — all must approve (会签), any one decides (或签), or one after another (依次).</summary>
/// <remarks>
/// Approvers come from <c>assignees</c>, from candidate roles and a department, or from the matter's responsibility
/// list (事项与责任人, <c>guide.responsibilities[responsibility]</c>). Each approver's task completes with Approve, Reject or
/// Return; a Return may name an earlier step in <c>data.returnTo</c> (退回), else it leaves through the Return port.
/// With several approvers, a Reject or Return by anyone decides at once; Approve needs everyone (all, sequential) or
/// anyone (any). An approver may add a signer (加签) with <c>{operation:"addSigner", signer}</c>. Every vote is kept in the
/// result variable (<c>approvals</c> by default) with who, what, when and the comment.
/// </remarks>
public sealed class ApprovalTaskActivity : Activity
{
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string Return = "Return";

    private static readonly string[] Modes = ["Single", "All", "Any", "Sequential"];

    public override ActivityDescriptor Descriptor { get; } = new(
        "ApprovalTask", ActivityCategories.Review, new("审批", "Approval task"),
        new("审批环节：指定人员、角色、部门或事项责任清单办理；支持会签、或签、依次审批，加签与退回。",
            "An approval step for users, roles, a department or the matter's responsibility list; all, any or sequential countersigning, adding signers and returning to an earlier step."),
        [
            new InputDescriptor("title", "String", new("环节名称", "Title"), Required: true),
            new InputDescriptor("mode", "String", new("会签方式", "Countersign mode"), DefaultValue: JsonValue.Create("Single"), LiteralOnly: true, Options: Modes),
            new InputDescriptor("assignees", "String[]", new("办理人", "Approvers")),
            new InputDescriptor("candidateRoles", "String[]", new("候选角色", "Candidate roles")),
            new InputDescriptor("department", "String", new("部门", "Department")),
            new InputDescriptor("responsibility", "String", new("责任清单环节", "Responsibility list entry")),
            new InputDescriptor("limitWorkingDays", "Int32", new("环节时限（工作日）", "Step limit (working days)")),
            new InputDescriptor("resultVariable", "String", new("结果变量", "Result variable"), DefaultValue: JsonValue.Create("approvals"), LiteralOnly: true),
        ],
        [Approve, Reject, Return]);

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var mode = InputConversions.ToText(node.Input("mode")?.Value) ?? "Single";
        if (!Modes.Contains(mode, StringComparer.Ordinal))
        {
            yield return new DefinitionError("invalid-input", $"Mode '{mode}' is not one of: {string.Join(", ", Modes)}.", node.Id, "mode");
        }

        var hasAssignees = node.Input("assignees") is { IsEmpty: false };
        var hasResponsibility = node.Input("responsibility") is { IsEmpty: false };
        if (!hasAssignees && !hasResponsibility && node.Input("candidateRoles") is not { IsEmpty: false } && node.Input("department") is not { IsEmpty: false })
        {
            yield return new DefinitionError("missing-input", "An approval task needs approvers: assignees, candidate roles, a department or a responsibility list entry.", node.Id, "assignees");
        }

        if (mode != "Single" && !hasAssignees && !hasResponsibility)
        {
            yield return new DefinitionError("missing-input", $"Countersigning ({mode}) needs the approvers by name: 'assignees' or a responsibility list entry.", node.Id, "assignees");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var mode = context.GetString("mode") ?? "Single";
        var (users, roles, department) = Approvers(context);
        var state = new JsonObject { ["mode"] = mode, ["pending"] = new JsonArray(), ["votes"] = new JsonArray() };
        if (mode == "Single" || users.Count == 0)
        {
            context.SetData(state);
            var single = NewTask(context, users.Count == 1 ? users[0] : null, users.Count == 1 ? [] : roles, department);
            return new(ActivityResult.Wait(single));
        }

        if (mode == "Sequential")
        {
            state["queue"] = new JsonArray([.. users.Skip(1).Select(u => (JsonNode)JsonValue.Create(u)!)]);
            context.SetData(state);
            return new(ActivityResult.Wait(NewTask(context, users[0], [], department)));
        }

        context.SetData(state);
        var tasks = users.Distinct(StringComparer.Ordinal).Select(u => NewTask(context, u, [], department)).ToArray();
        return new(ActivityResult.WaitForAll(tasks[0], tasks[1..]));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var state = (JsonObject)(context.GetData() ?? new JsonObject { ["mode"] = "Single", ["votes"] = new JsonArray() });
        var mode = CaseData.Text(state["mode"]) ?? "Single";
        if (CaseData.Text(stimulus.Payload?["operation"]) == "addSigner")
        {
            return new(AddSigner(context, stimulus, state, mode));
        }

        var outcome = CaseData.Text(stimulus.Payload?["outcome"]);
        if (outcome is not (Approve or Reject or Return))
        {
            throw new InvalidStimulusException($"Outcome '{outcome}' is not one this task offers; choose one of: Approve, Reject, Return.");
        }

        var comment = CaseData.Text(stimulus.Payload?["comment"]);
        context.CompleteWorkItem(stimulus.Bookmark, outcome, comment, stimulus.Payload?["data"] as JsonObject);
        var votes = (JsonArray)(state["votes"] ?? new JsonArray());
        votes.Add(new JsonObject { ["by"] = stimulus.Actor, ["outcome"] = outcome, ["comment"] = comment, ["at"] = context.Now.ToString("O") });
        state["votes"] = votes;
        context.SetData(state);

        if (outcome != Approve || mode is "Single" or "Any")
        {
            return new(Decide(context, outcome, votes, stimulus));
        }

        if (mode == "Sequential" && state["queue"] is JsonArray { Count: > 0 } queue)
        {
            var next = CaseData.Text(queue[0])!;
            queue.RemoveAt(0);
            context.SetData(state);
            return new(ActivityResult.Wait(NewTask(context, next, [], context.GetString("department"))));
        }

        // All: done when no approver's task is left open in the set.
        var open = context.Instance.State.Waiting.Count(w => w.ActivityId == context.Node.Id);
        return new(open > 0 ? ActivityResult.KeepWaiting(keepResumed: false) : Decide(context, Approve, votes, stimulus));
    }

    private ActivityResult AddSigner(ActivityExecutionContext context, ResumeStimulus stimulus, JsonObject state, string mode)
    {
        var signer = CaseData.Text(stimulus.Payload?["signer"]);
        if (string.IsNullOrWhiteSpace(signer))
        {
            throw new InvalidStimulusException("Adding a signer needs the signer's user name: {\"operation\":\"addSigner\",\"signer\":\"…\"}.");
        }

        context.Log($"{stimulus.Actor} added {signer} as a signer.", new JsonObject { ["operation"] = "addSigner", ["signer"] = signer, ["by"] = stimulus.Actor });
        if (mode == "Sequential")
        {
            // The added signer signs right after the current one.
            var queue = state["queue"] as JsonArray ?? [];
            queue.Insert(0, signer);
            state["queue"] = queue;
            context.SetData(state);
            return ActivityResult.KeepWaiting(keepResumed: true);
        }

        if (mode == "Single")
        {
            // One approver becomes a countersignature of two.
            state["mode"] = "All";
            context.SetData(state);
        }

        return ActivityResult.KeepWaiting(keepResumed: true, NewTask(context, signer, [], context.GetString("department")));
    }

    private static ActivityResult Decide(ActivityExecutionContext context, string outcome, JsonArray votes, ResumeStimulus stimulus)
    {
        var variable = context.GetString("resultVariable") is { Length: > 0 } name ? name : "approvals";
        var all = context.GetVariable(variable) as JsonObject ?? [];
        var next = (JsonObject)all.DeepClone();
        next[context.Node.Id] = new JsonObject { ["outcome"] = outcome, ["votes"] = votes.DeepClone(), ["decidedAt"] = context.Now.ToString("O") };
        context.SetVariable(variable, next);
        context.SetData(null);
        if (outcome == Return && CaseData.Text(stimulus.Payload?["data"]?["returnTo"]) is { Length: > 0 } target)
        {
            if (target == context.Node.Id || !context.Definition.Graph.Activities.ContainsKey(target))
            {
                throw new InvalidStimulusException($"'{target}' is not an earlier step of this flow to return to.");
            }

            return ActivityResult.GoTo(target, Return);
        }

        return ActivityResult.Complete(outcome);
    }

    private static Bookmark NewTask(ActivityExecutionContext context, string? assignee, IReadOnlyList<string> roles, string? department)
    {
        var limit = context.GetInt32("limitWorkingDays");
        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.Instance.CorrelationId);
        var dueAt = limit is { } days ? ChinaTime.StartOfDay(context.Calendar.AddWorkingDays(ChinaTime.DateOf(context.Now), days).AddDays(1)) : (DateTimeOffset?)null;
        var item = context.CreateWorkItem(bookmark, context.GetString("title") ?? context.Node.Id, assignee, roles, department, dueAt, [Approve, Reject, Return]);
        item.LimitWorkingDays = limit;
        return bookmark;
    }

    /// <summary>The approvers: the matter's responsibility list entry when named, else the inputs.</summary>
    private static (IReadOnlyList<string> Users, IReadOnlyList<string> Roles, string? Department) Approvers(ActivityExecutionContext context)
    {
        if (context.GetString("responsibility") is { Length: > 0 } key)
        {
            var guide = context.GetObject("guide") ?? context.Instance.Input["guide"] as JsonObject;
            if (guide?["responsibilities"]?[key] is not JsonObject entry)
            {
                throw new FormatException($"The matter's responsibility list has no entry '{key}'.");
            }

            return (Strings(entry["users"]), Strings(entry["roles"]), CaseData.Text(entry["department"]) ?? context.GetString("department"));
        }

        return (context.GetStrings("assignees"), context.GetStrings("candidateRoles"), context.GetString("department"));
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(CaseData.Text).OfType<string>()] : [];
}
