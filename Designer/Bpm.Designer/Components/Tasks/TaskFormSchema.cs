using System.Xml.Linq;

namespace Bpm.Designer.Components.Tasks;

/// <summary>
/// Finds the form-js schema of a user task in its process's BPMN XML: a form key <c>camunda-forms:bpmn:ID</c>
/// names a <c>zeebe:userTaskForm</c> with that id, whose text is the form's JSON (as Camunda Modeler embeds it).
/// </summary>
public static class TaskFormSchema
{
    public const string EmbeddedPrefix = "camunda-forms:bpmn:";
    private static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";

    public static bool IsEmbedded(string? formKey) => formKey?.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) == true;

    /// <summary>The schema JSON, or null when the form key names no embedded form of this XML.</summary>
    public static string? Find(string bpmnXml, string? formKey)
    {
        if (!IsEmbedded(formKey)) return null;
        var id = formKey![EmbeddedPrefix.Length..];
        var form = XDocument.Parse(bpmnXml).Descendants(Zeebe + "userTaskForm").FirstOrDefault(e => (string?)e.Attribute("id") == id);
        var json = form?.Value.Trim();
        return string.IsNullOrEmpty(json) ? null : json;
    }
}
