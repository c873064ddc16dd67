namespace Recents.Integration.Tests.Drills;

/// <summary>
/// The adds the service acknowledged with 204, per user, in the order they were acknowledged; and what the
/// user's list must therefore be: most recent first, a re-add moved to the front, at most 25.
/// </summary>
internal sealed class AcknowledgedAdds(int userCount)
{
    public const int Capacity = 25;
    private readonly List<Guid>[] adds = Enumerable.Range(0, userCount).Select(_ => new List<Guid>()).ToArray();
    private readonly bool[] uncertain = new bool[userCount];

    /// <summary>Only the user's own worker calls this, one add at a time.</summary>
    public void Acknowledged(int user, Guid iModelId) => adds[user].Add(iModelId);

    /// <summary>The client gave up on an add without a 204: it may or may not have been applied.</summary>
    public void GaveUp(int user) => uncertain[user] = true;

    public IEnumerable<int> UsersWithAdds => Enumerable.Range(0, adds.Length).Where(user => adds[user].Count > 0);

    public int Count => adds.Sum(list => list.Count);

    public int UncertainUsers => uncertain.Count(flag => flag);

    public bool IsUncertain(int user) => uncertain[user];

    public IReadOnlyList<Guid> ExpectedList(int user)
    {
        var list = new List<Guid>(Capacity + 1);
        foreach (var iModelId in adds[user])
        {
            list.Remove(iModelId);
            list.Insert(0, iModelId);
            if (list.Count > Capacity)
            {
                list.RemoveAt(Capacity);
            }
        }

        return list;
    }
}
