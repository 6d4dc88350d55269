using System.Text.Json.Nodes;
using Approval.Workflows.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.DesignerHost.Apis;

/// <summary>The one-thing packages (一件事) on offer, each with its matters and its one merged materials list.</summary>
public static class PackagesApi
{
    public static IEndpointRouteBuilder MapPackagesApi(this IEndpointRouteBuilder app)
    {
        var packages = app.MapGroup("/packages").WithTags("Matters");
        packages.MapGet("", List).WithSummary("Every one-thing package with a published definition.");
        packages.MapGet("/{code}", Get).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<List<PackageView>>> List(MatterCatalogue catalogue, CancellationToken cancellationToken)
    {
        var views = new List<PackageView>();
        foreach (var package in await catalogue.ListPackagesAsync(cancellationToken))
        {
            views.Add(await ViewAsync(package, catalogue, cancellationToken));
        }

        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<PackageView>, ProblemHttpResult>> Get(string code, MatterCatalogue catalogue, CancellationToken cancellationToken) =>
        await catalogue.FindPackageAsync(code, cancellationToken) is { } package
            ? TypedResults.Ok(await ViewAsync(package, catalogue, cancellationToken))
            : TypedResults.Problem($"Package '{code}' is not in the catalogue.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The package as the contract shows it, with the matters it lists that are in the catalogue.</summary>
    public static async Task<PackageView> ViewAsync(Package package, MatterCatalogue catalogue, CancellationToken cancellationToken)
    {
        var matters = new List<Matter>();
        foreach (var code in package.MatterCodes)
        {
            if (await catalogue.FindAsync(code, cancellationToken) is { } matter)
            {
                matters.Add(matter);
            }
        }

        return new PackageView(
            package.Code,
            package.Name,
            package.Department,
            package.CommittedLimitDays,
            [.. matters.Select(m => new PackageMatterView(m.Code, m.Name, m.Department, m.DefinitionId, m.Version))],
            MergedMaterials.Of(matters),
            package.DefinitionId,
            package.Version);
    }
}

public sealed record PackageView(
    string Code,
    string Name,
    string? Department,
    int? CommittedLimitDays,
    IReadOnlyList<PackageMatterView> Matters,
    JsonArray Materials,
    string DefinitionId,
    int Version);

public sealed record PackageMatterView(string Code, string Name, string? Department, string DefinitionId, int Version);
