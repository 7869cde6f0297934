using Bpm.Designer.Components.Tasks;

namespace Bpm.Designer.Tests.Components;

public sealed class TaskFormSchemaTests
{
    private const string Xml = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
          <bpmn:process id="p">
            <bpmn:extensionElements>
              <zeebe:userTaskForm id="UserTaskForm_1">{"components":[{"key":"approved","type":"checkbox","label":"Approved"}],"type":"default"}</zeebe:userTaskForm>
            </bpmn:extensionElements>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public void Should_find_the_embedded_form_named_by_the_form_key() =>
        Assert.Contains("\"approved\"", TaskFormSchema.Find(Xml, "camunda-forms:bpmn:UserTaskForm_1"));

    [Theory]
    [InlineData("camunda-forms:bpmn:Other")]
    [InlineData("embedded:app:forms/approve.html")]
    [InlineData(null)]
    public void Should_find_nothing_for_other_form_keys(string? formKey) => Assert.Null(TaskFormSchema.Find(Xml, formKey));
}
