namespace Recents.Api.IModelLists;

/// <summary>What the OpenAPI document says of the parameters and errors both lists share.</summary>
public static class ListDescriptions
{
    public const string IModelId = "The iModel's id, a GUID.";

    public const string IModelNotFound =
        "`iModelNotFound`: the id is not a GUID, no such iModel exists, or the caller may not view it (indistinguishable by design).";

    public const string ITwinNotFound =
        "`iTwinNotFound`: the iTwin does not exist, or the caller is neither a member of it nor an administrator of its organization.";

    public const string InvalidQuery =
        "`InvalidiModelsRequest`: `details` names each bad parameter (`MissingRequiredParameter` or `InvalidValue`, with its target).";

    public const string Top = "How many iModels to return, 1 to 1000. Out of range or not an integer: 422.";

    public const string Prefer = "`return=minimal` (the default, also when absent or unrecognised): items `{id, displayName}`. "
        + "`return=representation`: full iModels.";
}
