using Alpy.Bench.Runner;

// Runner benchmark: 2,000 scenarios x 5 steps against 200 step definitions.
//   dotnet run -c Release --project bench/Alpy.Bench.Runner [-- --runs N]
// Reports medians of N runs (default 7) with a reference measured in the same run, and the
// marginal cost of a step: the same scenarios with 10 steps instead of 5, the difference per extra step;
// and of a scenario: half the scenarios, the difference per extra scenario, and the run's fixed cost.
var runs = args.Length == 2 && args[0] == "--runs" && int.TryParse(args[1], out var n) && n > 0 ? n : 7;
var suite = SyntheticSuite.Create(features: 100, scenariosPerFeature: 20, stepsPerScenario: 5, stepDefinitions: 200);
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
Console.WriteLine($"Alpy.Runner benchmark: {suite.ScenarioCount} scenarios x {suite.StepsPerScenario} steps, {suite.StepDefinitionCount} step definitions, {runs} runs, {Environment.ProcessorCount} cores, load average {load}");
Console.WriteLine();
await new DryRunBenchmark(suite, runs).RunAsync();
await new DispatchBenchmark(suite, runs).RunAsync();
var step = await new MarginalStepBenchmark(suite, suite.WithStepsPerScenario(2 * suite.StepsPerScenario), runs).RunAsync();
// One step per scenario, so that subtracting the (noisy) step figure moves the scenario's own part least.
var oneStep = suite.WithStepsPerScenario(1);
await new ScenarioCostBenchmark(oneStep.WithScenariosPerFeature(oneStep.ScenarioCount / oneStep.Features.Count / 2), oneStep, runs).RunAsync(step.CpuMicroseconds, step.Bytes);
