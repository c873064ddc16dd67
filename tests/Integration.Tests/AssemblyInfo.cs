// Each test runs a whole deployment (Azurite, silos, API) on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
