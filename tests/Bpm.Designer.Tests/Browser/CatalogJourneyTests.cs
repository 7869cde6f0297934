using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>
/// The analyst builds a process by clicking, with a form designed for its user task and activities of the catalog the
/// embedded workers publish; it runs through the approver's tasklist and those workers as the operator sees: to the
/// end, and in its next version to an incident the operator retries.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeSpan CatalogWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_build_a_process_with_a_form_and_catalog_activities_by_clicking_run_it_to_the_end_and_retry_the_incident_of_its_next_version()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.WaitForTemplateAsync(engine, "bpm.record-decision", CatalogWait);
        await EngineRest.WaitForTemplateAsync(engine, "bpm.slack-summary", CatalogWait);
        var modeler = await OpenModelerAsync();
        var page = modeler.Page;

        // The process: its id and name first, while nothing is selected and the panel shows it.
        await modeler.SetGeneralAsync("catalog-journey", "Catalog journey");

        // Start event → a user task for the approvers, appended from the context pad.
        await modeler.AppendAsync("StartEvent_1", "append-user-task");
        await modeler.SetGeneralAsync("approveRequest", "Approve request");
        await modeler.OpenGroupAsync("Assignment");
        await page.FillAsync("#bio-properties-panel-assignmentDefinitionCandidateGroups", "approvers");
        await page.Keyboard.PressAsync("Tab");

        // Its form: a checkbox and a text field dragged from the form editor's palette, each setting a variable.
        var form = await FormEditor.OpenAsync(modeler, "approveRequest", "Approve request");
        await form.AddFieldAsync("checkbox", "Approved", "approved");
        await form.AddFieldAsync("textfield", "Comment", "comment");
        await BrowserFixture.ScreenshotAsync(page, "modeler-form-editor");
        await form.SaveAsync();
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("The form of Approve request is saved");

        // → a service task, made the catalog's "Record decision" with the template chooser.
        await modeler.AppendAsync("approveRequest", "append-service-task");
        await ApplyTemplateAsync(page, "bpm.record-decision");
        await modeler.SetGeneralAsync("recordDecision", "Record the decision");
        await modeler.OpenGroupAsync("Inputs");
        var approved = page.Locator("[data-entry-id='custom-entry-bpm.record-decision-inputs-0']");
        await Assertions.Expect(approved).ToContainTextAsync("Approved");
        // The approver's decision, not a constant: the switch becomes the expression =approved.
        await approved.Locator(".bio-properties-panel-feel-icon").ClickAsync();
        await approved.Locator("[contenteditable]").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("approved");
        await page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.Locator(".bio-properties-panel-header-label")).ToHaveTextAsync("Record the decision");
        await BrowserFixture.ScreenshotAsync(page, "modeler-templates");

        // → an end event; every element is connected by the append itself.
        await modeler.AppendAsync("recordDecision", "append-none-end-event");
        await modeler.SetGeneralAsync("requestDecided", "Request decided");
        await Assertions.Expect(page.Locator(".djs-element.djs-connection")).ToHaveCountAsync(3);

        await page.ClickAsync("#deploy");
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Deployed catalog-journey version 1");

        // The operator starts an instance; it waits at the approvers' task.
        var operatorPage = await fixture.SignedInPageAsync("operator");
        await StartAsync(operatorPage, "CAT-1", "Start v1");

        // The approver claims the task; the tasklist shows the designed form, which the approver fills and submits.
        var approverPage = await fixture.SignedInPageAsync("approver");
        await approverPage.GotoAsync("/tasks");
        await DecideAsync(approverPage, approve: true, "Fits the budget");

        // The embedded record-decision worker serves the template's task type; the instance ends.
        var first = await EngineRest.WaitForStateAsync(engine, "CAT-1", "COMPLETED", CatalogWait);
        await operatorPage.GotoAsync($"/cockpit/instances/{first.Id}");
        await Assertions.Expect(operatorPage.Locator("#instance-state")).ToHaveTextAsync("COMPLETED");
        await Assertions.Expect(operatorPage.Locator(".djs-element[data-element-id='recordDecision']")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator(".djs-element.bpm-active")).ToHaveCountAsync(0);
        await Assertions.Expect(operatorPage.Locator("#instance-history tr[data-activity-id='approveRequest']")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator("#instance-history tr[data-activity-id='recordDecision']")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator("#instance-history tr[data-activity-id='requestDecided']")).ToHaveCountAsync(1);

        // Version 2: the team hears of each decision in Slack. The end event goes; the catalog's "Notify Slack" and a
        // new end event follow the decision.
        await modeler.SelectAsync("requestDecided");
        await page.ClickAsync(".djs-context-pad [data-action='delete']");
        await modeler.AppendAsync("recordDecision", "append-service-task");
        await ApplyTemplateAsync(page, "bpm.slack-summary");
        await modeler.SetGeneralAsync("notifyTeam", "Notify the team");
        await modeler.AppendAsync("notifyTeam", "append-none-end-event");
        await modeler.SetGeneralAsync("teamNotified", "Team notified");
        await Assertions.Expect(page.Locator(".djs-element.djs-connection")).ToHaveCountAsync(4);
        await page.ClickAsync("#deploy");
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Deployed catalog-journey version 2");
        await BrowserFixture.ScreenshotAsync(page, "modeler");

        // A second instance: the approver rejects it, and the embedded Slack worker, with no webhook configured, fails
        // its task with no retries: an incident.
        await StartAsync(operatorPage, "CAT-2", "Start v2");
        await DecideAsync(approverPage, approve: false, "Over the budget");
        var second = await EngineRest.InstanceAsync(engine, "CAT-2");
        var incident = await EngineRest.WaitForIncidentAsync(engine, second.Id, CatalogWait);

        // The operator finds it among the open incidents and sees it on the diagram, with the values of the approver's
        // form and the recorded decision among the variables (an ended instance, like the first, keeps none at runtime).
        await operatorPage.GotoAsync("/cockpit");
        var listed = operatorPage.Locator("#incidents tr", new PageLocatorOptions { HasText = "Slack webhook not configured" });
        await Assertions.Expect(listed).ToContainTextAsync("notifyTeam");
        await listed.Locator("a").ClickAsync();
        await Assertions.Expect(operatorPage.Locator("#instance-state")).ToHaveTextAsync("ACTIVE");
        await Assertions.Expect(operatorPage.Locator(".djs-element.bpm-incident[data-element-id='notifyTeam']")).ToHaveCountAsync(1);
        var variables = operatorPage.Locator("#instance-variables");
        await Assertions.Expect(variables.Locator("tr[data-variable='approved'] .bpm-var-type")).ToHaveValueAsync("Boolean");
        await Assertions.Expect(variables.Locator("tr[data-variable='approved'] .bpm-var-value")).Not.ToBeCheckedAsync();
        await Assertions.Expect(variables.Locator("tr[data-variable='comment'] .bpm-var-value")).ToHaveValueAsync("Over the budget");
        await Assertions.Expect(variables.Locator("tr[data-variable='decision'] .bpm-var-value")).ToHaveValueAsync("rejected");

        // The retry makes the worker try again; still without a webhook, it fails again: a new incident.
        await operatorPage.Locator($"#instance-incidents tr[data-incident-id='{incident.Id}'] .bpm-retry").ClickAsync();
        await Assertions.Expect(operatorPage.Locator("#instance-message")).ToContainTextAsync("Retried the incident at notifyTeam");
        var again = await EngineRest.WaitForIncidentAsync(engine, second.Id, CatalogWait, besides: incident.Id);
        await operatorPage.ClickAsync("#refresh-instance");
        await Assertions.Expect(operatorPage.Locator($"#instance-incidents tr[data-incident-id='{again.Id}']")).ToContainTextAsync("Slack webhook not configured");
        await Assertions.Expect(operatorPage.Locator($"#instance-incidents tr[data-incident-id='{incident.Id}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Should_place_a_catalog_activity_from_the_palette_with_its_template_and_icon()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.PublishTemplatesAsync(engine, "palette-journey", """
            [{"$schema": "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json",
              "name": "Notify the team", "id": "journey.notify", "version": 1, "description": "Posts a note to the team.",
              "appliesTo": ["bpmn:Task"], "elementType": {"value": "bpmn:ServiceTask"},
              "category": {"id": "journeys", "name": "Journeys"},
              "icon": {"contents": "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='18' height='18'%3E%3Ccircle cx='9' cy='9' r='8' fill='%231a5fb4'/%3E%3C/svg%3E"},
              "properties": [{"type": "Hidden", "value": "journey-notify", "binding": {"type": "zeebe:taskDefinition", "property": "type"}}]}]
            """);
        var modeler = await OpenModelerAsync();
        var page = modeler.Page;

        await page.ClickAsync(".djs-palette [data-action='bpm-catalog']");
        var menu = page.Locator(".djs-popup");
        await Assertions.Expect(menu).ToContainTextAsync("Activity from the catalog");
        await Assertions.Expect(menu.Locator(".entry-header[title='Journeys']")).ToBeVisibleAsync();
        await Assertions.Expect(menu.Locator(".djs-popup-group[data-group='journeys']")).ToContainTextAsync("Notify the team");
        // The menu searches as keys go up, as a person types.
        await menu.Locator("input").PressSequentiallyAsync("notify the team");
        await Assertions.Expect(menu.Locator(".entry")).ToHaveCountAsync(1);
        await menu.Locator("[data-id='catalog-journey.notify']").ClickAsync();
        var canvas = (await page.Locator("[data-testid='modeler-canvas']").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(canvas.X + 400, canvas.Y + 300);
        await page.Mouse.ClickAsync(canvas.X + 420, canvas.Y + 320);

        var placed = page.Locator(".djs-element.djs-shape.selected");
        await Assertions.Expect(placed.Locator("image")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".bio-properties-panel-header-type")).ToContainTextAsync("Notify the team", new() { IgnoreCase = true });
        await Assertions.Expect(page.Locator(".bio-properties-panel-group-header:has-text('Template')")).ToContainTextAsync("Applied");
    }

    /// <summary>Makes the selected task the catalog's activity with the properties panel's template chooser.</summary>
    private static async Task ApplyTemplateAsync(IPage page, string templateId)
    {
        await page.ClickAsync(".bio-properties-panel-group-header:has-text('Template') button");
        await page.ClickAsync($".djs-popup [data-id='apply-template-{templateId}']");
    }

    /// <summary>Starts the latest version of the journey's process from the cockpit; the instance's page opens.</summary>
    private static async Task StartAsync(IPage operatorPage, string businessKey, string startLabel)
    {
        await operatorPage.GotoAsync("/cockpit");
        var definition = operatorPage.Locator("tr[data-definition-key='catalog-journey']");
        await definition.Locator(".bpm-business-key").FillAsync(businessKey);
        await definition.Locator(".bpm-business-key").PressAsync("Tab");
        await Assertions.Expect(definition.Locator(".bpm-start")).ToHaveTextAsync(startLabel);
        await definition.Locator(".bpm-start").ClickAsync();
        await Assertions.Expect(operatorPage.Locator(".djs-element.bpm-active[data-element-id='approveRequest']")).ToHaveCountAsync(1);
    }

    /// <summary>The approver claims the journey's open task and submits its designed form (a form-js form).</summary>
    private static async Task DecideAsync(IPage approverPage, bool approve, string comment)
    {
        await approverPage.SelectOptionAsync("#task-process", "catalog-journey");
        var row = approverPage.Locator("#task-list tr", new PageLocatorOptions { HasText = "Approve request" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator(".bpm-claim").ClickAsync();
        var form = approverPage.Locator("[data-testid='formjs-form']");
        await form.GetByLabel("Approved").SetCheckedAsync(approve);
        await form.GetByLabel("Comment").FillAsync(comment);
        await approverPage.ClickAsync("#complete-task");
        await Assertions.Expect(approverPage.Locator("#tasks-message")).ToContainTextAsync("Completed Approve request");
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    private async Task<ModelerPage> OpenModelerAsync()
    {
        var modeler = await ModelerPage.OpenAsync(fixture);
        await Assertions.Expect(modeler.Page.Locator("#catalog-status")).ToContainTextAsync("catalog activities");
        await Assertions.Expect(modeler.Page.Locator("#catalog-status")).Not.ToContainTextAsync("refused");
        return modeler;
    }
}
