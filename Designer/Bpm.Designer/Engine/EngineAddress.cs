namespace Bpm.Designer.Engine;

/// <summary>Where the engine's REST API lives, as seen from the designer's server.</summary>
public interface IEngineAddress
{
    Uri BaseAddress { get; }
}
