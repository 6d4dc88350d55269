namespace Approval.Workflows.Catalogue;

/// <summary>The demo catalogue shipped with the product: one definition JSON (workflow plus guide) per matter, from real published guides.</summary>
public static class CatalogueSeed
{
    private const string Prefix = "Approval.Workflows.Catalogue.Seed.";

    /// <summary>The seed definitions' JSON, by file name order.</summary>
    public static IReadOnlyList<string> Definitions()
    {
        var assembly = typeof(CatalogueSeed).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            })];
    }
}
