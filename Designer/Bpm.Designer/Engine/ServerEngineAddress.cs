using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bpm.Designer.Engine;

/// <summary>
/// The engine embedded in this same server: the first address the server listens on, with a wildcard host
/// (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) replaced by the loopback address.
/// </summary>
public sealed class ServerEngineAddress(IServer server) : IEngineAddress
{
    private Uri? _address;

    public Uri BaseAddress => _address ??= Resolve();

    private Uri Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server does not tell its addresses; set Bpm:Designer:EngineUrl");
        var first = addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault()
            ?? throw new InvalidOperationException("The server listens nowhere yet; set Bpm:Designer:EngineUrl");
        var builder = new UriBuilder(first.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (builder.Host is "0.0.0.0" or "[::]" or "::") builder.Host = "127.0.0.1";
        builder.Path = "/";
        return builder.Uri;
    }
}
