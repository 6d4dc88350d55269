using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Activities.Review;

/// <summary>特别程序: site inspection, technical review, expert review, testing, appraisal or hearing, as an assigned task with its own time budget.</summary>
/// <remarks>
/// Issues the 特别程序告知书 telling the applicant the time needed (Art. 45) and, for the procedures Art. 45 names
/// (hearing, bidding, auction, testing, quarantine, appraisal, expert review), pauses the case clock until the task is done;
/// site inspection and technical review pause it only when <c>pausesClock</c> says the matter allows it. The task's
/// outcome is the activity's outcome, and the procedure is recorded (start, end, result, opinion, who) in the
/// <c>specialProcedures</c> variable.
/// </remarks>
public sealed class SpecialProcedureActivity(DocumentIssuer documents) : Activity
{
    public const string ProceduresVariable = "specialProcedures";

    private static readonly Dictionary<string, (string Name, bool PausesByLaw)> Kinds = new(StringComparer.Ordinal)
    {
        ["Hearing"] = ("听证", true),
        ["Bidding"] = ("招标", true),
        ["Auction"] = ("拍卖", true),
        ["Testing"] = ("检验检测", true),
        ["Quarantine"] = ("检疫", true),
        ["Appraisal"] = ("鉴定", true),
        ["ExpertReview"] = ("专家评审", true),
        ["SiteInspection"] = ("现场核查", false),
        ["TechnicalReview"] = ("技术审查", false),
    };

    private static readonly JsonArray DefaultOutcomes = ["Passed", "Failed"];

    public override ActivityDescriptor Descriptor { get; } = new(
        "SpecialProcedure", ActivityCategories.Review, new("特别程序", "Special procedure"),
        new("听证、检验检测、鉴定、专家评审等依法不计入办理时限，书面告知申请人所需时间；现场核查、技术审查按事项规定决定是否暂停计时。",
            "Hearings, testing, appraisal and expert review do not count towards the limit, and the applicant is told the time needed; site inspection and technical review pause the clock only where the matter says so."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("procedure", "String", new("程序种类", "Procedure"), Required: true, LiteralOnly: true, Options: [.. Kinds.Keys]),
            new InputDescriptor("budgetDays", "Int32", new("所需时间（工作日）", "Time budget (working days)"), Required: true),
            new InputDescriptor("pausesClock", "Boolean", new("暂停办理时限", "Pauses the clock")),
            new InputDescriptor("reason", "String", new("启动理由或依据", "Reason or basis")),
            new InputDescriptor("assignee", "String", new("承办人", "Assignee")),
            new InputDescriptor("candidateRoles", "String[]", new("候选角色", "Candidate roles")),
            new InputDescriptor("department", "String", new("部门", "Department")),
            new InputDescriptor("outcomes", "String[]", new("结果", "Outcomes"), DefaultValue: DefaultOutcomes, LiteralOnly: true),
        ],
        ["Passed", "Failed"],
        DynamicOutcomes: true);

    public override IReadOnlyList<string> GetOutcomes(ActivityNode node)
    {
        var outcomes = InputConversions.LiteralStrings(node.Input("outcomes"));
        return outcomes.Count > 0 ? outcomes : Descriptor.Outcomes;
    }

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (InputConversions.ToText(node.Input("procedure")?.Value) is { } kind && !Kinds.ContainsKey(kind))
        {
            yield return new DefinitionError("invalid-input", $"Procedure '{kind}' is not one of: {string.Join(", ", Kinds.Keys)}.", node.Id, "procedure");
        }

        if (node.Input("assignee") is not { IsEmpty: false } && node.Input("candidateRoles") is not { IsEmpty: false } && node.Input("department") is not { IsEmpty: false })
        {
            yield return new DefinitionError("missing-input", "A special procedure needs an assignee, candidate roles or a department to carry it out.", node.Id, "assignee");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var kind = context.GetString("procedure") ?? "";
        var (name, pausesByLaw) = Kinds.TryGetValue(kind, out var known) ? known : throw new FormatException($"Procedure '{kind}' is not known.");
        var budget = context.GetInt32("budgetDays") is { } days && days > 0 ? days : throw new FormatException("'budgetDays' must be at least one working day.");
        var pauses = context.Evaluate("pausesClock") is null ? pausesByLaw : context.GetBoolean("pausesClock");
        var today = ChinaTime.DateOf(context.Now);
        var expectedEnd = context.Calendar.AddWorkingDays(today, budget);

        var model = data.DocumentModel("SpecialProcedureNotice", context.Now, context.Instance.NextJournalSequence);
        model["procedure"] = new JsonObject { ["kind"] = kind, ["name"] = name };
        model["reason"] = context.GetString("reason") ?? $"依法需要{name}";
        model["expectedWorkingDays"] = budget;
        model["expectedEndDate"] = expectedEnd.ToString("yyyy-MM-dd");
        model["pausesClock"] = pauses;
        await documents.IssueAsync(context, "SpecialProcedureNotice", model, data.MatterCode);

        if (pauses && context.FindClock(LegalClock.CaseClockName) is { IsStopped: false } clock && !clock.Pauses.Exists(p => p.ResumedAt is null && p.Key == PauseKey(context)))
        {
            context.ChangeClock(LegalClock.CaseClockName, c => c.Pause(PauseKey(context), context.Now, context.Actor, $"特别程序：{name}"));
        }

        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.Instance.CorrelationId);
        var item = context.CreateWorkItem(
            bookmark,
            $"特别程序：{name}",
            context.GetString("assignee"),
            context.GetStrings("candidateRoles"),
            context.GetString("department") ?? data.Department,
            ChinaTime.StartOfDay(expectedEnd.AddDays(1)),
            GetOutcomes(context.Node));
        item.LimitWorkingDays = budget;
        context.SetData(new JsonObject { ["kind"] = kind, ["name"] = name, ["startedAt"] = context.Now.ToString("O"), ["paused"] = pauses });
        return ActivityResult.Wait(bookmark);
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var outcome = CaseData.Text(stimulus.Payload?["outcome"]);
        var allowed = GetOutcomes(context.Node);
        if (outcome is null || !allowed.Contains(outcome, StringComparer.Ordinal))
        {
            throw new InvalidStimulusException($"Outcome '{outcome}' is not one this procedure offers; choose one of: {string.Join(", ", allowed)}.");
        }

        var comment = CaseData.Text(stimulus.Payload?["comment"]);
        context.CompleteWorkItem(stimulus.Bookmark, outcome, comment, stimulus.Payload?["data"] as JsonObject);
        var state = context.GetData() as JsonObject ?? [];
        if (context.FindClock(LegalClock.CaseClockName) is { IsStopped: false } clock && clock.Pauses.Exists(p => p.ResumedAt is null && p.Key == PauseKey(context)))
        {
            context.ChangeClock(LegalClock.CaseClockName, c => c.Resume(PauseKey(context), context.Now, stimulus.Actor, $"特别程序结束：{outcome}"));
        }

        var record = new JsonObject
        {
            ["activityId"] = context.Node.Id,
            ["kind"] = state["kind"]?.DeepClone(),
            ["name"] = state["name"]?.DeepClone(),
            ["startedAt"] = state["startedAt"]?.DeepClone(),
            ["endedAt"] = context.Now.ToString("O"),
            ["pausedClock"] = state["paused"]?.DeepClone(),
            ["outcome"] = outcome,
            ["opinion"] = comment,
            ["by"] = stimulus.Actor,
        };
        var all = context.GetVariable(ProceduresVariable) as JsonArray ?? [];
        var next = (JsonArray)all.DeepClone();
        next.Add(record);
        context.SetVariable(ProceduresVariable, next);
        context.SetData(null);
        return new(ActivityResult.Complete(outcome));
    }

    private static string PauseKey(ActivityExecutionContext context) => $"special:{context.Node.Id}";
}
