using Alpy.Lab.Teardown;

namespace Alpy.Lab.Tests.Teardown;

public sealed class TeardownPlanTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Given_steps_pushed_in_bring_up_order_When_run_Then_they_run_in_reverse()
    {
        var ran = new List<string>();
        var plan = new TeardownPlan();
        foreach (var name in new[] { "registry", "nodes", "taps", "qemu" })
            plan.Push(name, _ => { ran.Add(name); return Task.CompletedTask; });

        var timings = await plan.RunAsync(StepTimeout);

        ran.Should().Equal("qemu", "taps", "nodes", "registry");
        timings.Select(t => t.Step).Should().Equal(ran);
        plan.Count.Should().Be(0);
    }

    [Fact]
    public async Task Given_a_failing_step_When_run_Then_every_other_step_still_runs_and_the_error_names_it()
    {
        var ran = new List<string>();
        var plan = new TeardownPlan();
        plan.Push("remove node link0", _ => { ran.Add("node"); return Task.CompletedTask; });
        plan.Push("delete tap alpyabc123t0", _ => throw new InvalidOperationException("device busy"));
        plan.Push("stop QEMU", _ => { ran.Add("qemu"); return Task.CompletedTask; });

        var act = () => plan.RunAsync(StepTimeout);

        var error = (await act.Should().ThrowAsync<LabTeardownException>()).Which;
        ran.Should().Equal("qemu", "node");
        error.Failures.Should().ContainSingle().Which.Step.Should().Be("delete tap alpyabc123t0");
        error.Message.Should().Contain("delete tap alpyabc123t0: device busy").And.Contain("alpy lab reap");
        error.Timings.Should().HaveCount(3);
    }

    [Fact]
    public async Task Given_a_step_that_hangs_When_run_Then_it_is_abandoned_after_its_timeout_and_the_rest_runs()
    {
        var ran = new List<string>();
        var plan = new TeardownPlan();
        plan.Push("after", _ => { ran.Add("after"); return Task.CompletedTask; });
        plan.Push("hangs, ignoring cancellation", _ => Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken));

        var act = () => plan.RunAsync(TimeSpan.FromMilliseconds(200));

        var error = (await act.Should().ThrowAsync<LabTeardownException>()).Which;
        error.Failures.Single().Error.Should().BeOfType<TimeoutException>();
        ran.Should().Equal("after");
    }

    [Fact]
    public async Task Given_steps_pushed_from_parallel_tasks_When_run_Then_all_run_once()
    {
        var count = 0;
        var plan = new TeardownPlan();
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), TestContext.Current.CancellationToken, (i, _) =>
        {
            plan.Push($"step {i}", _ => { Interlocked.Increment(ref count); return Task.CompletedTask; });
            return ValueTask.CompletedTask;
        });

        await plan.RunAsync(StepTimeout);

        count.Should().Be(100);
    }
}
