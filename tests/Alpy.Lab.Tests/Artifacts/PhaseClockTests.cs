using Alpy.Lab.Artifacts;

namespace Alpy.Lab.Tests.Artifacts;

public sealed class PhaseClockTests
{
    [Fact]
    public async Task Given_parallel_phases_When_one_throws_Then_it_is_named_as_the_failed_phase_and_the_others_are_timed()
    {
        var clock = new PhaseClock();

        var good = clock.TimeAsync("start nodes", () => Task.Delay(10, TestContext.Current.CancellationToken));
        var bad = clock.TimeAsync<int>("reap dead runs", () => throw new InvalidOperationException("Failed to compare two elements in the array."));
        var act = () => Task.WhenAll(good, bad);

        await act.Should().ThrowAsync<InvalidOperationException>();
        clock.Failed.Should().Be("reap dead runs");
        clock.Phases.Select(p => p.Name).Should().Equal("start nodes");
    }

    [Fact]
    public async Task Given_phases_that_all_pass_When_timed_Then_none_is_named_failed()
    {
        var clock = new PhaseClock();

        await clock.TimeAsync("docker ping", () => Task.CompletedTask);

        clock.Failed.Should().BeNull();
    }
}
