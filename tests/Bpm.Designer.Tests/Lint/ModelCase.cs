namespace Bpm.Designer.Tests.Lint;

/// <summary>
/// A small model built around one kind of flow node. <paramref name="Listing"/> names the entry of the lint's
/// supported.json that speaks of that kind (<c>elements/bpmn:UserTask</c>, <c>events/bpmn:EndEvent/none</c>,
/// <c>startEvents/process/bpmn:TimerEventDefinition</c>), or is null for a case of another rule.
/// </summary>
public sealed record ModelCase(string Name, string Xml, string? Listing)
{
    public override string ToString() => Name;
}
