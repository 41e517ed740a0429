// Tests sharing a booted Rabbit must not depend on their order: a shuffled one (seed on stderr) proves it.
[assembly: TestCaseOrderer(typeof(Alpy.Tests.Ordering.ShuffledTestOrder))]
