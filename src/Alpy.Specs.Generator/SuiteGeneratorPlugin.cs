using System.Collections.Generic;
using Reqnroll.Generator.CodeDom;
using Reqnroll.Generator.Plugins;
using Reqnroll.Generator.UnitTestProvider;
using Reqnroll.Parser;
using Reqnroll.UnitTestProvider;
using Reqnroll.xUnit3.Generator.ReqnrollPlugin;

[assembly: Reqnroll.Infrastructure.GeneratorPlugin(typeof(Alpy.Specs.Generator.SuiteGeneratorPlugin))]

namespace Alpy.Specs.Generator;

/// <summary>
/// The suite's Reqnroll generator plugin. It decorates two of Reqnroll's generator services. Plugins register in the
/// order of the ReqnrollGeneratorPlugins items, and Reqnroll.xunit.v3 adds its item in its props file, before the
/// project's own, so these registrations replace Reqnroll.xunit.v3's (they cannot wait for CustomizeDependencies:
/// by then the generator has resolved the unit test provider).
/// <list type="bullet">
/// <item><see cref="ReadableRowNames"/>: an outline row's test is named by its title and values, not by the
/// <c>__pickleIndex</c> and <c>exampleTags</c> parameters Reqnroll 3 adds (Reqnroll issue #927).</item>
/// <item><see cref="RootRelativeParserFactory"/> (with the parameter <c>FeatureRoot</c>): features linked from outside
/// the project keep their repository path as URI (<c>features/nat.feature</c>, not <c>../../features/nat.feature</c>).</item>
/// </list>
/// </summary>
public sealed class SuiteGeneratorPlugin : IGeneratorPlugin
{
    public void Initialize(GeneratorPluginEvents generatorPluginEvents, GeneratorPluginParameters generatorPluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        var parameters = generatorPluginParameters.GetParametersAsDictionary();
        generatorPluginEvents.RegisterDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterFactoryAs<IUnitTestGeneratorProvider>(
                c => new ReadableRowNames(new XUnit3TestGeneratorProvider(c.Resolve<CodeDomHelper>())), "xunit3");
            if (parameters.TryGetValue("FeatureRoot", out var root) && root.Trim().Length > 0)
                e.ObjectContainer.RegisterFactoryAs<IGherkinParserFactory>(_ => new RootRelativeParserFactory(new ReqnrollGherkinParserFactory(), root.Trim()));
        };
    }
}
