using System.Security.Cryptography;
using System.Text;
using Approval.DesignerHost.Options;
using Microsoft.IdentityModel.Tokens;

namespace Approval.DesignerHost.Auth;

/// <summary>The HS256 key that signs and checks tokens: the configured one, else one generated once and kept in a file.</summary>
public sealed class SigningKey
{
    private const int MinimumBytes = 32;

    private SigningKey(byte[] key) => SecurityKey = new SymmetricSecurityKey(key);

    public SymmetricSecurityKey SecurityKey { get; }

    /// <summary>Uses <see cref="AuthOptions.SigningKey"/> when set; else reads <paramref name="keyFile"/>, creating it with a random key the first time.</summary>
    /// <exception cref="InvalidOperationException">The configured key is too short, or the key file is damaged.</exception>
    public static SigningKey Resolve(AuthOptions options, string keyFile)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Encoding.UTF8.GetBytes(options.SigningKey);
            return configured.Length >= MinimumBytes
                ? new SigningKey(configured)
                : throw new InvalidOperationException($"{AuthOptions.Section}:SigningKey must be at least {MinimumBytes} bytes long; it is {configured.Length}.");
        }

        return new SigningKey(File.Exists(keyFile) ? ReadKeyFile(keyFile) : CreateKeyFile(keyFile));
    }

    private static byte[] CreateKeyFile(string keyFile)
    {
        var key = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);

        // Write aside and move into place, so a host starting at the same moment reads a whole key or none.
        var temporary = $"{keyFile}.{Guid.NewGuid():N}.tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, Encoding.ASCII, fileOptions))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            File.Move(temporary, keyFile, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another host won the race; its key is the one.
            File.Delete(temporary);
            return ReadKeyFile(keyFile);
        }
    }

    private static byte[] ReadKeyFile(string keyFile)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
            return key.Length >= MinimumBytes ? key : throw new FormatException("too short");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key file '{keyFile}' is damaged; delete it to make a new key (signed-in users must sign in again).");
        }
    }
}
