namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /external-task/fetchAndLock</c>; <c>AsyncResponseTimeout</c> (ms) turns on long polling.</summary>
public sealed record FetchExternalTasksDto(
    string WorkerId,
    int MaxTasks,
    List<FetchExternalTaskTopicDto> Topics,
    bool UsePriority = false,
    long? AsyncResponseTimeout = null);
