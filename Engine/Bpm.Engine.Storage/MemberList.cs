namespace Bpm.Engine.Storage;

/// <summary>Candidate users and groups stored as <c>,a,b,</c>, so membership is a LIKE on <c>%,name,%</c>.</summary>
internal static class MemberList
{
    public static string Write(IEnumerable<string> members) => "," + string.Concat(members.Select(m => m + ","));

    public static IReadOnlyList<string> Read(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Pattern(string member) => "%," + member + ",%";
}
