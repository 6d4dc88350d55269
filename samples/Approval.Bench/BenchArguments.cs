using System.Globalization;

namespace Approval.Bench;

/// <summary>Walks a verb's arguments: the verb's own options by a callback, the database options (shared with the
/// <c>engine</c> verb) collected for <see cref="EngineBenchOptions.Parse"/>.</summary>
public sealed class BenchArguments(IReadOnlyList<string> args)
{
    private int _index = -1;

    public string Name => args[_index];

    /// <summary>Calls <paramref name="own"/> for each option the database options do not take; it returns false for an unknown one.</summary>
    /// <returns>The database options, parsed.</returns>
    public EngineBenchOptions Parse(Func<BenchArguments, bool> own)
    {
        var database = new List<string>();
        while (++_index < args.Count)
        {
            switch (Name)
            {
                case "--provider" or "--connection":
                    database.Add(Name);
                    database.Add(Value());
                    break;
                case "--recreate-database" or "--keep-database":
                    database.Add(Name);
                    break;
                default:
                    if (!own(this))
                    {
                        throw new UsageException($"Unknown option '{Name}'.");
                    }

                    break;
            }
        }

        return EngineBenchOptions.Parse(database);
    }

    public string Value()
    {
        var name = Name;
        return _index + 1 < args.Count ? args[++_index] : throw new UsageException($"Option '{name}' needs a value.");
    }

    public int Count(int min, int max)
    {
        var name = Name;
        var text = Value();
        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"Option '{name}' needs a whole number from {min} to {max}, not '{text}'.");
    }
}
