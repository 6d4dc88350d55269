using System.Text.Json.Nodes;
using Approval.Activities.Documents;

namespace Approval.Activities.Tests.Documents;

/// <summary>DocumentFields: what each document needs, and which of it a model lacks.</summary>
public sealed class DocumentFieldsTests
{
    public static TheoryData<string> Kinds => [.. DocumentKinds.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RequiredFor_EveryKind_StartsWithTheCommonFieldsIncludingTheSeal(string kind)
    {
        var required = DocumentFields.RequiredFor(kind);

        Assert.Equal(DocumentFields.Common, required.Take(DocumentFields.Common.Count));
        Assert.Contains("office.sealText", required);
        Assert.Equal(required.Count, required.Distinct().Count());
    }

    [Fact]
    public void RequiredFor_UnknownKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => DocumentFields.RequiredFor("BirthdayCard"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Missing_CompleteSample_Nothing(string kind)
    {
        Assert.Empty(DocumentFields.Missing(kind, SampleDocumentModels.For(kind)));
    }

    [Fact]
    public void Missing_IncompleteReceipt_ReportsEachAbsentBlankOrEmptyPath()
    {
        var model = SampleDocumentModels.For(DocumentKinds.AcceptanceReceipt);
        ((JsonObject)model["applicant"]!).Remove("name");
        model["office"]!["sealText"] = "  ";
        model["documentNumber"] = null;
        model.Remove("handler");
        model["materials"] = new JsonArray();

        var missing = DocumentFields.Missing(DocumentKinds.AcceptanceReceipt, model);

        Assert.Equal(["documentNumber", "office.sealText", "applicant.name", "materials", "handler.name"], missing);
    }

    [Fact]
    public void Missing_CorrectionNoticeMaterialWithoutRequirement_NamedByIndex()
    {
        var model = SampleDocumentModels.For(DocumentKinds.CorrectionNotice);
        ((JsonObject)model["missingMaterials"]![2]!).Remove("requirement");
        model["missingMaterials"]![4]!["name"] = "";

        var missing = DocumentFields.Missing(DocumentKinds.CorrectionNotice, model);

        Assert.Equal(["missingMaterials[4].name", "missingMaterials[2].requirement"], missing);
    }

    [Fact]
    public void Missing_RejectionWithoutReasonsOrRemedies_ReportsThem()
    {
        var model = SampleDocumentModels.For(DocumentKinds.RejectionDecision);
        model.Remove("reasons");
        model.Remove("remedies");
        model.Remove("legalBasis");

        var missing = DocumentFields.Missing(DocumentKinds.RejectionDecision, model);

        Assert.Equal(["reasons", "legalBasis", "remedies.reviewBody", "remedies.court"], missing);
    }

    [Fact]
    public void Missing_NumbersAndFalseCount_AsPresent()
    {
        var model = SampleDocumentModels.For(DocumentKinds.SpecialProcedureNotice);
        model["expectedWorkingDays"] = 0;
        model["pausesClock"] = false;

        Assert.Empty(DocumentFields.Missing(DocumentKinds.SpecialProcedureNotice, model));
    }
}
