using System.Net;
using Alpy.Lab.Docker;
using Docker.DotNet;

namespace Alpy.Lab.Tests.Docker;

/// <summary>The daemon's own words are what a refusal shows, not Docker.DotNet's wrapping of its JSON answer.</summary>
public sealed class DaemonMessageTests
{
    [Fact]
    public void Given_the_daemons_JSON_answer_When_explained_Then_its_message_is_returned()
    {
        var refusal = new DockerApiException(HttpStatusCode.Conflict, "{\"message\":\"Conflict. The container name \\\"/x\\\" is already in use\"}\n");

        DaemonMessage.Of(refusal).Should().Be("Conflict. The container name \"/x\" is already in use");
    }

    [Fact]
    public void Given_an_answer_that_is_not_JSON_When_explained_Then_the_body_is_returned_as_it_is()
    {
        DaemonMessage.Of(new DockerApiException(HttpStatusCode.BadGateway, "<html>proxy error</html>")).Should().Be("<html>proxy error</html>");
    }

    [Fact]
    public void Given_an_empty_answer_When_explained_Then_the_status_is_named()
    {
        DaemonMessage.Of(new DockerApiException(HttpStatusCode.InternalServerError, "")).Should().Be("500 InternalServerError (no message)");
    }
}
