using System.Globalization;
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

    private static string Plain(string word)
    {
        var builder = new StringBuilder();
        foreach (var c in word.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}
