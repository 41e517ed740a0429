namespace Alpy.Docker.Tests.Unit;

public sealed class DockerApiVersionTests
{
    [Theory]
    [InlineData("1.41", 1, 41)]
    [InlineData(" 1.9 ", 1, 9)]
    public void Given_version_text_When_parsed_Then_major_and_minor_are_read(string text, int major, int minor) =>
        DockerApiVersion.Parse(text).Should().Be(new DockerApiVersion(major, minor));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.41.0")]
    [InlineData("v1.41")]
    [InlineData("1.-2")]
    public void Given_malformed_text_When_parsed_Then_it_is_refused(string text)
    {
        DockerApiVersion.TryParse(text, out _).Should().BeFalse();
        var parse = () => DockerApiVersion.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage("*MAJOR.MINOR*");
    }

    [Fact]
    public void Given_two_versions_When_compared_Then_minor_numbers_compare_as_numbers()
    {
        (new DockerApiVersion(1, 9) < new DockerApiVersion(1, 41)).Should().BeTrue();
        (new DockerApiVersion(2, 0) > new DockerApiVersion(1, 45)).Should().BeTrue();
        new DockerApiVersion(1, 41).ToString().Should().Be("1.41");
    }
}
