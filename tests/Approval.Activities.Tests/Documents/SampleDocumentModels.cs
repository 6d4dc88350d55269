using System.Text.Json.Nodes;
using Approval.Activities.Documents;

namespace Approval.Activities.Tests.Documents;

/// <summary>Complete models for every document kind: a restaurant company in Dongguan applying for a food business licence.</summary>
internal static class SampleDocumentModels
{
    public const string Office = "东莞市市场监督管理局";
    public const string Applicant = "东莞市某某餐饮有限公司";

    /// <summary>The materials a food business licence needs (Dongguan guide), with what a conforming one is.</summary>
    public static JsonArray FoodLicenceMaterials() =>
    [
        Material("M01", "食品经营许可申请书", "加盖申请人公章，法定代表人签字"),
        Material("M02", "法定代表人（负责人）身份证明", "居民身份证复印件，核验原件"),
        Material("M03", "食品安全管理人员身份证明", "居民身份证复印件"),
        Material("M04", "经营场所使用证明", "房屋产权证明或者租赁合同，租期不少于一年"),
        Material("M05", "经营场所平面布局图", "标明功能区布局、设备摆放位置"),
        Material("M06", "食品安全设施设备登记表", "与现场一致，逐项填写"),
        Material("M07", "食品安全管理制度", "含从业人员健康管理、进货查验记录等制度"),
    ];

    public static JsonObject For(string kind)
    {
        var model = Common();
        foreach (var (name, value) in Own(kind))
        {
            model[name] = value;
        }

        return model;
    }

    private static JsonObject Common() => new()
    {
        ["caseNumber"] = "DG2026030200128",
        ["documentNumber"] = "东市监许〔2026〕0128号",
        ["issuedOn"] = "2026-03-02",
        ["office"] = new JsonObject
        {
            ["name"] = Office,
            ["sealText"] = "东莞市市场监督管理局行政审批专用章",
            ["address"] = "东莞市南城街道市民服务中心",
            ["phone"] = "0769-22830000",
        },
        ["applicant"] = new JsonObject
        {
            ["name"] = Applicant,
            ["idType"] = "统一社会信用代码",
            ["idNumber"] = "91441900MA56ABCD1X",
            ["contact"] = "陈某某",
            ["phone"] = "13712345678",
            ["address"] = "东莞市莞城街道某某路8号",
        },
        ["matter"] = new JsonObject { ["name"] = "食品经营许可（新办）", ["code"] = "441900-SCJG-XK-0017", ["department"] = "食品经营监管科" },
        ["handler"] = new JsonObject { ["name"] = "李某", ["phone"] = "0769-22830123" },
        ["legalBasis"] = "《中华人民共和国食品安全法》第三十五条",
    };

    private static IEnumerable<(string, JsonNode?)> Own(string kind) => kind switch
    {
        DocumentKinds.AcceptanceReceipt =>
        [
            ("receivedAt", "2026-02-27 10:15"),
            ("acceptedOn", "2026-03-02"),
            ("materials", Received()),
            ("committedDueDate", "2026-03-16"),
            ("statutoryDueDate", "2026-03-30"),
            ("queryCode", "Q7K2M9"),
        ],
        DocumentKinds.CorrectionNotice =>
        [
            ("receivedOn", "2026-02-27"),
            ("missingMaterials", FoodLicenceMaterials()),
            ("supplementChannel", "窗口或广东政务服务网提交"),
        ],
        DocumentKinds.RefusalOfAcceptanceNotice =>
        [
            ("receivedOn", "2026-02-27"),
            ("reason", "该申请事项依法不属于本行政机关职权范围。"),
            ("competentAuthority", "东莞市卫生健康局"),
            ("remedies", Remedies()),
        ],
        DocumentKinds.DeficiencyCommitmentLetter or DocumentKinds.DeficiencyAcceptanceNotice =>
        [
            ("toleratedMaterials", new JsonArray(Material("M06", "食品安全设施设备登记表", "与现场一致，逐项填写"), Material("M07", "食品安全管理制度", "含进货查验记录制度"))),
            ("supplementChannel", "邮寄或网上提交"),
            ("supplementDeadline", "2026-03-09"),
            ("acceptedOn", "2026-03-02"),
            ("committedDueDate", "2026-03-16"),
        ],
        DocumentKinds.TerminationNotice =>
        [
            ("acceptedOn", "2026-03-02"),
            ("missingMaterials", new JsonArray(Material("M07", "食品安全管理制度", "含进货查验记录制度"))),
            ("supplementDeadline", "2026-03-09"),
            ("reason", "容缺受理材料未在承诺期限内补齐补正"),
            ("remedies", Remedies()),
        ],
        DocumentKinds.InformedCommitmentLetter =>
        [
            ("proofs", new JsonArray(new JsonObject
            {
                ["name"] = "食品安全管理人员健康证明",
                ["obligation"] = "从事接触直接入口食品工作的人员取得健康证明",
                ["content"] = "食品安全管理人员已取得有效健康证明",
            })),
            ("commitmentMethod", "书面承诺"),
            ("liability", "作出不实承诺的，依法撤销行政许可，并记入信用记录。"),
            ("verificationMethod", "部门间数据核验及现场抽查"),
            ("verificationDays", 20),
        ],
        DocumentKinds.SpecialProcedureNotice =>
        [
            ("procedure", new JsonObject { ["kind"] = "SiteInspection", ["name"] = "现场核查" }),
            ("reason", "需核查经营场所与平面布局图是否一致"),
            ("expectedWorkingDays", 7),
            ("expectedEndDate", "2026-03-11"),
            ("pausesClock", true),
        ],
        DocumentKinds.HearingNotice =>
        [
            ("reason", "经营场所与相邻住户之间存在重大利益关系"),
            ("requestDeadline", "2026-03-09"),
            ("hearing", new JsonObject
            {
                ["date"] = "2026-03-20",
                ["time"] = "09:30",
                ["place"] = "东莞市市场监督管理局三楼听证室",
                ["host"] = "王某",
            }),
        ],
        DocumentKinds.ExtensionNotice =>
        [
            ("acceptedOn", "2026-03-02"),
            ("reason", "需征求属地街道意见"),
            ("extensionDays", 10),
            ("approvedBy", "赵某"),
            ("originalDueDate", "2026-03-30"),
            ("newDueDate", "2026-04-14"),
        ],
        DocumentKinds.ApprovalDecision =>
        [
            ("acceptedOn", "2026-03-02"),
            ("decidedOn", "2026-03-13"),
            ("licence", new JsonObject
            {
                ["name"] = "食品经营许可证",
                ["number"] = "JY34419000123456",
                ["electronicNumber"] = "4419002026JY000128",
                ["validFrom"] = "2026-03-13",
                ["validUntil"] = "2031-03-12",
            }),
        ],
        DocumentKinds.RejectionDecision =>
        [
            ("acceptedOn", "2026-03-02"),
            ("decidedOn", "2026-03-13"),
            ("reasons", new JsonArray("经营场所与有毒、有害场所的距离不符合要求。", "未设置与经营品种相适应的冷藏设施。")),
            ("remedies", Remedies()),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sample for this kind."),
    };

    private static JsonArray Received()
    {
        var rows = new JsonArray();
        foreach (var material in FoodLicenceMaterials().OfType<JsonObject>())
        {
            rows.Add(new JsonObject { ["code"] = material["code"]!.DeepClone(), ["name"] = material["name"]!.DeepClone(), ["copies"] = 1, ["form"] = "复印件" });
        }

        return rows;
    }

    private static JsonObject Remedies() => new() { ["reviewBody"] = "东莞市人民政府", ["court"] = "有管辖权的人民法院" };

    private static JsonObject Material(string code, string name, string requirement) =>
        new() { ["code"] = code, ["name"] = name, ["requirement"] = requirement };
}
