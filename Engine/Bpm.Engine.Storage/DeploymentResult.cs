using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Storage;

/// <summary>The deployment and the process definitions it created (none when every resource was a duplicate).</summary>
public sealed record DeploymentResult(DeploymentRow Deployment, IReadOnlyList<ProcessDefinitionRow> Definitions);
