// The scenarios share booted labs (one per topology), so they run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

// The step library's Reqnroll runtime plugin: attachments reach the xUnit result too, pcaps keep their media type.
[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(Alpy.Specs.Steps.Plugin.SuitePlugin))]
