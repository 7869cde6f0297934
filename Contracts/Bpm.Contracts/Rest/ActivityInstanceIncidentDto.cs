namespace Bpm.Contracts.Rest;

/// <summary>An open incident of an activity instance, as listed in the activity instance tree.</summary>
public sealed record ActivityInstanceIncidentDto(string Id, string ParentActivityInstanceId);
