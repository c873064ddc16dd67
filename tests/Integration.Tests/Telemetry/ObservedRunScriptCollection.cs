namespace Recents.Integration.Tests.Telemetry;

[CollectionDefinition(ObservedRunScript.Collection)]
public sealed class ObservedRunScriptCollection : ICollectionFixture<ObservedRunScript>;
