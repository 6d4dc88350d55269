using System.Text;
using System.Text.Json.Nodes;

namespace Approval.DesignerHost.Tests.Support;

/// <summary>Seeded mutations of a valid JSON document: drop a field, change a value's type, add garbage, duplicate, truncate.</summary>
/// <remarks>The seed is fixed by the caller, so a failure names a sample that reproduces on every run.</remarks>
public sealed class JsonMutator(int seed)
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => 42,
        () => -1,
        () => 3.5,
        () => 1e308,
        () => true,
        () => "",
        () => "garbage",
        () => "{{ 1 + 1 }}",
        () => "<script>alert(1)</script>",
        () => new string('长', 5_000),
        () => new JsonArray(),
        () => new JsonArray(1, "a", null, new JsonObject()),
        () => new JsonObject(),
        () => new JsonObject { ["x"] = new JsonObject { ["y"] = new JsonArray() } },
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to three mutations of <paramref name="document"/>, as the text a client would send.</summary>
    public string Mutate(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            MutateTree(copy);
        }

        var text = copy.ToJsonString();
        return _random.Next(6) switch
        {
            0 => text[.._random.Next(text.Length)],
            1 => text.Insert(_random.Next(text.Length), Garbage()),
            _ => text,
        };
    }

    private void MutateTree(JsonObject root)
    {
        var places = new List<(JsonNode Parent, object Key)>();
        Collect(root, places);
        if (places.Count == 0)
        {
            return;
        }

        var (parent, key) = places[_random.Next(places.Count)];
        switch (_random.Next(5))
        {
            case 0 when parent is JsonObject obj:
                obj.Remove((string)key);
                break;
            case 1 when parent is JsonObject obj:
                obj[$"extra{_random.Next(100)}"] = Replacements[_random.Next(Replacements.Length)]();
                break;
            case 2 when parent is JsonArray array:
                var element = array[(int)key]?.DeepClone();
                for (var n = _random.Next(1, 50); n > 0; n--)
                {
                    array.Add(element?.DeepClone());
                }

                break;
            default:
                Set(parent, key, Replacements[_random.Next(Replacements.Length)]());
                break;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    places.Add((obj, name));
                    if (child is not null)
                    {
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, places);
                    }
                }

                break;
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private string Garbage()
    {
        const string Alphabet = "{}[],:\"\\0x-e.tfn \u0000\uFFFD长\n";
        var builder = new StringBuilder();
        for (var n = _random.Next(1, 8); n > 0; n--)
        {
            builder.Append(Alphabet[_random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
