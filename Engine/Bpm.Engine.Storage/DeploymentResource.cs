namespace Bpm.Engine.Storage;

public sealed record DeploymentResource(string Name, byte[] Content);
