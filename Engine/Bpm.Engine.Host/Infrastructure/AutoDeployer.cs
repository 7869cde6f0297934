using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Deploys every <c>.bpmn</c> file of the configured folder at start, each as its own deployment named after
/// the file, with duplicate filtering: a new version appears only when the file changed.
/// </summary>
public sealed class AutoDeployer(DeploymentService deployments, ILogger<AutoDeployer> logger)
{
    public async Task DeployFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogInformation("Auto-deploy folder {Folder} does not exist; nothing deployed", folder);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var result = await deployments.DeployAsync(new DeploymentRequest(
                    name, "auto-deploy", null, EnableDuplicateFiltering: true, DeployChangedOnly: true,
                    [new DeploymentResource(name, await File.ReadAllBytesAsync(file, cancellationToken))]), cancellationToken);
                foreach (var definition in result.Definitions)
                    logger.LogInformation("Auto-deployed {Resource}: {Key} version {Version}", name, definition.Key, definition.Version);
                if (result.Definitions.Count == 0) logger.LogInformation("Auto-deploy: {Resource} unchanged", name);
            }
            catch (DeploymentRejectedException e)
            {
                logger.LogError("Auto-deploy of {Resource} rejected: {Message}", name, e.Message);
            }
        }
    }
}
