namespace Bpm.Workers.Sdk;

/// <summary>A task's variable is missing or has a type the handler cannot use: retrying cannot help.</summary>
public sealed class TaskVariableException(string message, Exception? inner = null) : Exception(message, inner);
