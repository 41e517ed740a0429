// The scenarios share booted labs (one per topology), so they run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

// The step library's Reqnroll runtime plugin: attachments reach the xUnit result too, pcaps keep their media type.
[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(Alpy.Specs.Steps.Plugin.SuitePlugin))]

// A feature's scenarios run in file order (xUnit's own order is by test ID).
[assembly: Xunit.TestCaseOrderer(typeof(Alpy.Specs.Steps.Plugin.FeatureFileOrder))]
