// The scenarios share booted labs (one per topology), so they run one at a time, in file order.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
