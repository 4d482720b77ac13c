using LiveGrains.Contracts.Directory;
using LiveGrains.Grains.Directory;

namespace LiveGrains.Storage.Tests.Directory;

public sealed class InMemoryDirectoryTests : DirectoryContract
{
    protected override Task<ICreatorDirectory> Directory() => Task.FromResult<ICreatorDirectory>(new InMemoryCreatorDirectory());
}
