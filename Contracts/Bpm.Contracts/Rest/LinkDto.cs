namespace Bpm.Contracts.Rest;

/// <summary>A link in a response: <c>{ "method": "GET", "href": "http://…/process-instance/1", "rel": "self" }</c>.</summary>
public sealed record LinkDto(string Method, string Href, string Rel);
