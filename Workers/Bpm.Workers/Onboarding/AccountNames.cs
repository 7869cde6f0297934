using System.Text;

namespace Bpm.Workers.Onboarding;

/// <summary>A login from a person's name: "Ana María López" becomes "ana.lopez".</summary>
public static class AccountNames
{
    public static string Login(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Plain).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0) throw new ArgumentException($"'{fullName}' has no letters to make a login of", nameof(fullName));
        return parts.Count == 1 ? parts[0] : $"{parts[0]}.{parts[^1]}";
    }

    // The host runs with invariant globalization (no Unicode normalization), so accents are folded by table.
    private const string Accented = "áàâäãåāăąçćčďéèêëēęěíìîïīłñńňóòôöõøōőŕřśšşťúùûüūůűýÿźžż";
    private const string Folded = "aaaaaaaaacccdeeeeeeeiiiiilnnnoooooooorrssstuuuuuuuyyzzz";

    private static string Plain(string word)
    {
        var builder = new StringBuilder();
        foreach (var upper in word)
        {
            var c = char.ToLowerInvariant(upper);
            var accent = Accented.IndexOf(c);
            if (accent >= 0) builder.Append(Folded[accent]);
            else if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
        }
        return builder.ToString();
    }
}
