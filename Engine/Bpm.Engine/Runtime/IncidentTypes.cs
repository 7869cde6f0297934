namespace Bpm.Engine.Runtime;

/// <summary>The incident types this engine raises.</summary>
public static class IncidentTypes
{
    public const string FailedExternalTask = "failedExternalTask";
    public const string FailedExpression = "failedExpression";
    public const string FailedScript = "failedScript";
    public const string UnhandledBpmnError = "unhandledBpmnError";
}
