namespace Bpm.Engine.Runtime;

/// <summary>Where an asynchronous continuation sits: before a node starts, or after its work is done.</summary>
public enum AsyncStep
{
    Before,
    After,
}
