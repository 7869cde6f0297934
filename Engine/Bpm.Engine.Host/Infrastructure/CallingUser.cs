namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// The person a request acts for: signed in with HTTP Basic auth, or named in <c>x-bpm-user</c> by a caller with an
/// API key (the designer acting for its user). A request with only an API key acts for a machine and has none.
/// </summary>
public sealed record CallingUser(string Id, IReadOnlyList<string> Groups)
{
    private static readonly object Key = new();

    public static CallingUser? Of(HttpContext context) => context.Items.TryGetValue(Key, out var user) ? user as CallingUser : null;

    public void AttachTo(HttpContext context) => context.Items[Key] = this;
}
