namespace Bpm.Designer.Components.Modeler;

/// <summary>The line the modeler's toolbar shows about the activity catalog, with the details on hover.</summary>
public sealed record CatalogStatus(string Summary, string? Detail, bool Failed)
{
    public static CatalogStatus Of(CatalogLoad load)
    {
        var offered = load.Offered == 1 ? "1 catalog activity" : $"{load.Offered} catalog activities";
        return load.Refused == 0 && load.Problems.Length == 0
            ? new CatalogStatus(offered, null, Failed: false)
            : new CatalogStatus($"{offered}, {load.Refused} refused", string.Join("\n", load.Problems), Failed: true);
    }

    public static CatalogStatus Unavailable(string reason) => new("Activity catalog unavailable", reason, Failed: true);
}
