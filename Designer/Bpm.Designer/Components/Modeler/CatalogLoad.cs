namespace Bpm.Designer.Components.Modeler;

/// <summary>What the modeler made of the activity catalog: the templates it offers, those it refused, and why.</summary>
public sealed record CatalogLoad(int Offered, int Refused, string[] Problems);
