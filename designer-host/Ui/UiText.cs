namespace Approval.DesignerHost.Ui;

/// <summary>The UI's words in the user's language: Chinese by default, English on request.</summary>
/// <remarks>
/// Pages write both forms side by side (<c>Text.T("收件箱", "Inbox")</c>) so a reader sees what a screen says in
/// either language without chasing resource keys. Words many pages share (statuses, levels, roles) live here once.
/// </remarks>
public sealed class UiText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string CookieName = "approval-lang";

    private static readonly UiText ChineseText = new(Chinese);
    private static readonly UiText EnglishText = new(English);

    private UiText(string language) => Language = language;

    public string Language { get; }

    public bool IsEnglish => Language == English;

    public string HtmlLang => IsEnglish ? "en" : "zh-CN";

    public static UiText For(string? language) => language == English ? EnglishText : ChineseText;

    public static string LanguageFromCookie(string? value) => value == English ? English : Chinese;

    public string T(string chinese, string english) => IsEnglish ? english : chinese;

    public string WarningLevel(Approval.Engine.Clocks.WarningLevel? level) => WarningLevel(WarningLevels.Name(level));

    public string WarningLevel(string? level) => level switch
    {
        "yellow" => T("黄色预警", "Yellow"),
        "red" => T("红色预警", "Red"),
        "critical" => T("严重超期", "Critical"),
        _ => T("正常", "Normal"),
    };

    public string Role(string role) => role switch
    {
        Auth.Roles.BusinessAnalyst => T("业务分析员", "Business analyst"),
        Auth.Roles.WindowClerk => T("窗口受理员", "Window clerk"),
        Auth.Roles.Approver => T("审核人", "Approver"),
        Auth.Roles.ChiefRepresentative => T("首席事务代表", "Chief representative"),
        Auth.Roles.Supervisor => T("效能监督员", "Supervisor"),
        Auth.Roles.Admin => T("系统管理员", "Administrator"),
        _ => role,
    };

    /// <summary>An application's status as the contract names it.</summary>
    public string ApplicationStatus(string? status) => status switch
    {
        "Accepted" => T("已受理", "Accepted"),
        "AcceptedWithDeficiency" => T("容缺受理", "Accepted with deficiency"),
        "CorrectionRequested" => T("待补正", "Correction requested"),
        "RefusedAcceptance" => T("不予受理", "Refused acceptance"),
        "InReview" => T("审查中", "In review"),
        "Paused" => T("暂停计时", "Paused"),
        "Approved" => T("准予许可", "Approved"),
        "Rejected" => T("不予许可", "Rejected"),
        "Withdrawn" => T("已撤回", "Withdrawn"),
        "Terminated" => T("已终止", "Terminated"),
        "Completed" => T("已办结", "Completed"),
        null or "" => "",
        _ => status,
    };
}
