using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Approval.DesignerHost.Auth;

/// <summary>The users who may sign in, with PBKDF2-hashed passwords.</summary>
/// <remarks>
/// Users live in memory and are seeded from code (<see cref="Seeding.DemoUsers"/>) when <c>Approval:SeedDemoData</c> is
/// true. A later issue moves them into the database, with an admin screen to manage them; the hashing stays as it is.
/// </remarks>
public sealed class UserDirectory
{
    // 100k rounds of PBKDF2-SHA256 is ~30 ms here: slow for a guesser, bearable for six seeded users at start-up.
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly HashAlgorithmName Algorithm = HashAlgorithmName.SHA256;

    private readonly ConcurrentDictionary<string, (DirectoryUser User, byte[] Salt, byte[] Hash)> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly byte[] _decoySalt = RandomNumberGenerator.GetBytes(SaltBytes);

    public void Add(DirectoryUser user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        _users[user.UserName] = (user, salt, Hash(password, salt));
    }

    public DirectoryUser? Find(string userName) => _users.TryGetValue(userName, out var entry) ? entry.User : null;

    /// <summary>Everyone who may sign in, by user name (for picking a colleague to transfer a task to).</summary>
    public IReadOnlyList<DirectoryUser> List() => [.. _users.Values.Select(e => e.User).OrderBy(u => u.UserName, StringComparer.Ordinal)];

    /// <summary>The user, when the password is theirs; null for an unknown user or a wrong password alike.</summary>
    public DirectoryUser? Verify(string userName, string password)
    {
        if (!_users.TryGetValue(userName, out var entry))
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and names cannot be probed by timing.
            Hash(password, _decoySalt);
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(password, entry.Salt), entry.Hash) ? entry.User : null;
    }

    private static byte[] Hash(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, Algorithm, HashBytes);
}
