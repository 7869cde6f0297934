namespace Bpm.Contracts.Variables;

/// <summary>
/// A Camunda typed variable whose value does not fit its declared type, or whose type is not supported.
/// </summary>
public sealed class VariableTypeException : Exception
{
    public VariableTypeException(string variableName, string typeName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        VariableName = variableName;
        TypeName = typeName;
    }

    public string VariableName { get; }

    public string TypeName { get; }
}
