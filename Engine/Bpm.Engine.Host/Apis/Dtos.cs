using Bpm.Contracts.Rest;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Host.Apis;

/// <summary>Rows and instances as the Camunda 7 REST API shows them.</summary>
internal static class Dtos
{
    public static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? time) => time is null ? null : Utc(time.Value);

    public static ProcessDefinitionDto Definition(ProcessDefinitionRow row) =>
        new(row.Id, row.Key, row.Version, row.Name, Resource: row.ResourceName, DeploymentId: row.DeploymentId,
            Suspended: row.Suspended, VersionTag: row.VersionTag);

    public static DeploymentDto Deployment(DeploymentRow row, IEnumerable<ProcessDefinitionRow>? definitions = null) =>
        new(row.Id, row.Name, row.Source, Utc(row.DeploymentTime), row.TenantId,
            [new LinkDto("GET", $"/deployment/{row.Id}", "self")],
            definitions?.ToDictionary(d => d.Id, Definition));

    public static ProcessInstanceDto Instance(ProcessInstance instance) =>
        new(instance.Id, instance.DefinitionId, instance.BusinessKey, Ended: instance.IsEnded,
            Suspended: instance.State == InstanceState.Suspended,
            Links: [new LinkDto("GET", $"/process-instance/{instance.Id}", "self")]);

    public static ProcessInstanceDto Instance(ProcessInstanceRow row) =>
        new(row.Id, row.DefinitionId, row.BusinessKey, Ended: row.State is not ("ACTIVE" or "SUSPENDED"),
            Suspended: row.State == "SUSPENDED",
            Links: [new LinkDto("GET", $"/process-instance/{row.Id}", "self")]);

    public static ExternalTaskDto ExternalTask(ExternalTaskRow row) =>
        new(row.Id, row.Topic, row.ActivityId, row.Id, row.ErrorMessage, null, row.ProcessInstanceId,
            Utc(row.LockExpiration), Utc(row.CreateTime), row.DefinitionId, row.DefinitionKey, null, row.ProcessInstanceId,
            null, row.Retries, row.Suspended, row.WorkerId, row.Priority, row.BusinessKey);

    public static LockedExternalTaskDto Locked(LockedTask locked) =>
        new(locked.Task.Id, locked.Task.Topic, locked.Task.WorkerId!, Utc(locked.Task.LockExpiration!.Value),
            Contracts.Variables.TypedVariables.FromJson(locked.Variables),
            locked.Task.ActivityId, locked.Task.Id, locked.Task.ErrorMessage, locked.Task.ErrorDetails, locked.Task.ProcessInstanceId,
            Utc(locked.Task.CreateTime), locked.Task.DefinitionId, locked.Task.DefinitionKey, null, locked.Task.ProcessInstanceId,
            locked.Task.Retries, locked.Task.Suspended, null, locked.Task.Priority, locked.Task.BusinessKey, []);

    public static TaskDto Task(UserTaskRow row) =>
        new(row.Id, Utc(row.CreateTime), row.Name, row.Assignee, Due: Utc(row.Due), FollowUp: Utc(row.FollowUp),
            ExecutionId: row.ProcessInstanceId, Priority: row.Priority, ProcessDefinitionId: row.DefinitionId,
            ProcessInstanceId: row.ProcessInstanceId, TaskDefinitionKey: row.TaskDefinitionKey, Suspended: row.Suspended,
            FormKey: row.FormKey, TaskState: "Created");

    public static IncidentDto Incident(IncidentRow row) =>
        new(row.Id, Utc(row.Timestamp), row.IncidentType, row.DefinitionId, row.ProcessInstanceId, row.ProcessInstanceId,
            row.ActivityId, row.ActivityId, row.Id, row.Id, row.Configuration, IncidentMessage: row.Message);

    public static HistoricProcessInstanceDto History(ProcessInstanceRow row, ProcessDefinitionRow? definition) =>
        new(row.Id, Utc(row.StartTime), row.State, row.BusinessKey, row.DefinitionId, row.DefinitionKey, definition?.Name,
            definition?.Version, Utc(row.EndTime), DurationInMillis: row.EndTime is null ? null : (long)(row.EndTime.Value - row.StartTime).TotalMilliseconds,
            RootProcessInstanceId: row.Id, SuperProcessInstanceId: row.SuperProcessInstanceId);

    /// <param name="definitionId">The definition of the row's instance, which is the activity's.</param>
    public static HistoricActivityInstanceDto Activity(ActivityInstanceRow row, string definitionId, string definitionKey) =>
        new(row.Id, row.ActivityId, row.ActivityType, Utc(row.StartTime), row.ParentActivityInstanceId, row.ActivityName,
            definitionKey, definitionId, row.ProcessInstanceId, row.ProcessInstanceId, row.TaskId, Assignee: row.Assignee,
            EndTime: Utc(row.EndTime), DurationInMillis: row.EndTime is null ? null : (long)(row.EndTime.Value - row.StartTime).TotalMilliseconds,
            Canceled: row.Canceled, RootProcessInstanceId: row.ProcessInstanceId);
}
