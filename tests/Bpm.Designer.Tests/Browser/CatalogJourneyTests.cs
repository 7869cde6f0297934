using Bpm.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bpm.Designer.Tests.Browser;

/// <summary>
/// The analyst builds a process by clicking, with an activity of the catalog the embedded workers publish; it runs
/// through the approver's tasklist and that worker to the end, as the operator sees.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeSpan CatalogWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_build_a_process_with_a_catalog_activity_by_clicking_deploy_it_and_see_it_run_to_completion()
    {
        using var engine = fixture.Engine.Client();
        await EngineRest.WaitForTemplateAsync(engine, "bpm.record-decision", CatalogWait);
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

        // → a service task, made the catalog's "Record decision" with the template chooser.
        await modeler.AppendAsync("approveRequest", "append-service-task");
        await page.ClickAsync(".bio-properties-panel-group-header:has-text('Template') button");
        await page.ClickAsync(".djs-popup [data-id='apply-template-bpm.record-decision']");
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
        await Assertions.Expect(page.Locator(".djs-element.djs-connection")).ToHaveCountAsync(3);

        await page.ClickAsync("#deploy");
        await Assertions.Expect(page.Locator("#modeler-message")).ToContainTextAsync("Deployed catalog-journey version 1");

        // The operator starts an instance; it waits at the approvers' task.
        var operatorPage = await fixture.SignedInPageAsync("operator");
        await operatorPage.GotoAsync("/cockpit");
        var definition = operatorPage.Locator("tr[data-definition-key='catalog-journey']");
        await definition.Locator(".bpm-business-key").FillAsync("CAT-1");
        await definition.Locator(".bpm-business-key").PressAsync("Tab");
        await definition.Locator(".bpm-start").ClickAsync();
        await Assertions.Expect(operatorPage.Locator(".djs-element.bpm-active[data-element-id='approveRequest']")).ToHaveCountAsync(1);

        // The approver claims the task and approves. The task links no form, so the tasklist generates one.
        var approverPage = await fixture.SignedInPageAsync("approver");
        await approverPage.GotoAsync("/tasks");
        await approverPage.SelectOptionAsync("#task-process", "catalog-journey");
        var row = approverPage.Locator("#task-list tr", new PageLocatorOptions { HasText = "Approve request" });
        await row.Locator(".bpm-claim").ClickAsync();
        await approverPage.ClickAsync("#add-variable");
        var field = approverPage.Locator("#task-details .bpm-form-row").Last;
        await field.Locator(".bpm-var-name").FillAsync("approved");
        await field.Locator(".bpm-var-type").SelectOptionAsync("Boolean");
        await field.Locator("input[type=checkbox]").CheckAsync();
        await approverPage.ClickAsync("#complete-task");
        await Assertions.Expect(approverPage.Locator("#tasks-message")).ToContainTextAsync("Completed Approve request");

        // The embedded record-decision worker serves the template's task type; the instance ends.
        var instance = await EngineRest.WaitForStateAsync(engine, "CAT-1", "COMPLETED", CatalogWait);
        await operatorPage.GotoAsync($"/cockpit/instances/{instance.Id}");
        await Assertions.Expect(operatorPage.Locator("#instance-state")).ToHaveTextAsync("COMPLETED");
        await Assertions.Expect(operatorPage.Locator(".djs-element[data-element-id='recordDecision']")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator(".djs-element.bpm-active")).ToHaveCountAsync(0);
        await Assertions.Expect(operatorPage.Locator("#instance-history tr[data-activity-id='approveRequest']")).ToHaveCountAsync(1);
        await Assertions.Expect(operatorPage.Locator("#instance-history tr[data-activity-id='recordDecision']")).ToHaveCountAsync(1);
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

    private async Task<ModelerPage> OpenModelerAsync()
    {
        var modeler = await ModelerPage.OpenAsync(fixture);
        await Assertions.Expect(modeler.Page.Locator("#catalog-status")).ToContainTextAsync("catalog activities");
        await Assertions.Expect(modeler.Page.Locator("#catalog-status")).Not.ToContainTextAsync("refused");
        return modeler;
    }
}
