using LiveGrains.Contracts.History;
using LiveGrains.Grains.History;

namespace LiveGrains.Storage.Tests.History;

public sealed class InMemoryHistoryStoreTests : HistoryStoreContract
{
    protected override Task<ILiveHistoryStore> Store() => Task.FromResult<ILiveHistoryStore>(new InMemoryLiveHistoryStore());
}
