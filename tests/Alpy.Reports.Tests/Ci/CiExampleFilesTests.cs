using System.Text;
using System.Text.RegularExpressions;
using Alpy.Cli;
using Alpy.Reports.Merge;
using Alpy.Reports.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Alpy.Reports.Tests.Ci;

/// <summary>
/// The example CI files in docs/ci are valid YAML, run the suite as N shards and merge N, and every
/// command they use exists: scripts are in the repository, projects build from real paths, and each
/// alpy command line parses with the real alpy command (after the CI system's variables are filled in).
/// </summary>
public sealed partial class CiExampleFilesTests
{
    private static string GitHub => Path.Combine(RepositoryPaths.Root, "docs", "ci", "github-actions.yml");

    private static string GitLab => Path.Combine(RepositoryPaths.Root, "docs", "ci", "gitlab-ci.yml");

    [Fact]
    public void Given_the_GitHub_Actions_example_When_read_Then_a_matrix_of_shards_feeds_one_merge_that_always_runs()
    {
        var root = Load(GitHub);

        var jobs = (YamlMappingNode)root["jobs"];
        var specs = (YamlMappingNode)jobs["specs"];
        var shards = ((YamlSequenceNode)specs["strategy"]["matrix"]["shard"]).Select(n => int.Parse(((YamlScalarNode)n).Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        shards.Should().Equal(Enumerable.Range(1, shards.Count), "shards are numbered 1..N");
        ((YamlScalarNode)specs["strategy"]["fail-fast"]).Value.Should().Be("false", "every shard must run for the merged report");

        var merge = (YamlMappingNode)jobs["merge"];
        ((YamlScalarNode)merge["needs"]).Value.Should().Be("specs");
        ((YamlScalarNode)merge["if"]).Value.Should().Be("always()");

        var commands = Commands(Scripts(root), ("${{ matrix.shard }}", "1"));
        Alpy(commands, "merge").Should().ContainSingle().Which.Should().ContainInOrder("--expected-shards", shards.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Alpy(commands, "run").Single().Should().Contain($"1/{shards.Count}");
        Uses(root).Should().Contain("actions/upload-artifact@v4").And.Contain("actions/download-artifact@v4");
    }

    [Fact]
    public void Given_the_GitLab_CI_example_When_read_Then_parallel_shards_feed_one_report_job_that_always_runs()
    {
        var root = Load(GitLab);

        var specs = (YamlMappingNode)root["specs"];
        var parallel = int.Parse(((YamlScalarNode)specs["parallel"]).Value!, System.Globalization.CultureInfo.InvariantCulture);
        parallel.Should().BeGreaterThan(1);
        var report = (YamlMappingNode)root["report"];
        ((YamlScalarNode)report["when"]).Value.Should().Be("always");
        ((YamlScalarNode)((YamlSequenceNode)report["needs"])[0]["job"]).Value.Should().Be("specs");
        ((YamlScalarNode)report["artifacts"]["reports"]["junit"]).Value.Should().Be("reports/runs/merged/junit.xml");

        var commands = Commands(Scripts(root), ("$CI_NODE_INDEX", "1"), ("$CI_NODE_TOTAL", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Alpy(commands, "merge").Should().ContainSingle().Which.Should().ContainInOrder("--expected-shards", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "--run-id", "merged");
        Alpy(commands, "run").Single().Should().Contain($"1/{parallel}");
    }

    [Theory]
    [InlineData("github-actions.yml")]
    [InlineData("gitlab-ci.yml")]
    public void Given_an_example_CI_file_When_its_commands_are_checked_Then_every_script_project_and_alpy_command_exists(string file)
    {
        var root = Load(Path.Combine(RepositoryPaths.Root, "docs", "ci", file));
        var commands = Commands(Scripts(root), ("${{ matrix.shard }}", "1"), ("$CI_NODE_INDEX", "1"), ("$CI_NODE_TOTAL", "4"));
        commands.Should().NotBeEmpty();

        foreach (var command in commands)
        {
            var words = command[0] == "sudo" ? command.Skip(1).ToList() : command;
            if (words[0].StartsWith("scripts/", StringComparison.Ordinal))
            {
                var script = Path.Combine(RepositoryPaths.Root, words[0]);
                File.Exists(script).Should().BeTrue($"{file} runs {words[0]}");
                if (!OperatingSystem.IsWindows())
                {
                    File.GetUnixFileMode(script).Should().HaveFlag(UnixFileMode.UserExecute, $"{words[0]} must be executable");
                }
            }
            else if (words is ["dotnet", "build", var target, ..])
            {
                Path.Exists(Path.Combine(RepositoryPaths.Root, target)).Should().BeTrue($"{file} builds {target}");
            }
            else if (words is ["dotnet", "run", "--project", var project, ..])
            {
                project.Should().Be("src/Alpy.Cli");
                var alpy = words.SkipWhile(w => w != "--").Skip(1).ToArray();
                var parse = AlpyCommand.Create(CliConsole.Plain(TextWriter.Null, TextWriter.Null)).Parse(alpy);
                parse.Errors.Select(e => e.Message).Should().BeEmpty($"'alpy {string.Join(' ', alpy)}' in {file} must be a valid alpy command");

                // A misspelt option after a list argument would parse as one more list item: name every option.
                var options = parse.CommandResult.Command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
                alpy.Where(w => w.StartsWith("--", StringComparison.Ordinal)).Should().OnlyContain(w => options.Contains(w), $"every option of 'alpy {alpy[0]}' in {file} must exist");
                if (alpy.SkipWhile(w => w != "--shard").Skip(1).FirstOrDefault() is { } shard)
                {
                    FluentActions.Invoking(() => ShardSpec.Parse(shard)).Should().NotThrow();
                }
            }
            else
            {
                words[0].Should().BeOneOf(["rm", "cp", "echo", "true", "{", "}"], $"{file} runs '{string.Join(' ', words)}', which this test does not know");
            }
        }
    }

    [Fact]
    public void Given_a_broken_YAML_file_When_loaded_Then_the_check_fails()
    {
        var act = () => LoadText("jobs:\n  specs:\n    runs-on: [unclosed\n");

        act.Should().Throw<YamlDotNet.Core.YamlException>();
    }

    private static YamlMappingNode Load(string path) => LoadText(File.ReadAllText(path));

    private static YamlMappingNode LoadText(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    // Every shell script of the file: GitHub's `run:` and GitLab's `script:` entries.
    private static List<string> Scripts(YamlNode node)
    {
        var scripts = new List<string>();
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value;
                    if (name == "run" && value is YamlScalarNode run)
                    {
                        scripts.Add(run.Value!);
                    }
                    else if (name == "script" && value is YamlSequenceNode lines)
                    {
                        scripts.AddRange(lines.OfType<YamlScalarNode>().Select(l => l.Value!));
                    }
                    else
                    {
                        scripts.AddRange(Scripts(value));
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list)
                {
                    scripts.AddRange(Scripts(item));
                }

                break;
            default:
                break;
        }

        return scripts;
    }

    private static List<string> Uses(YamlNode root) =>
        root.AllNodes.OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Where(c => ((YamlScalarNode)c.Key).Value == "uses").Select(c => ((YamlScalarNode)c.Value).Value!))
            .ToList();

    // Splits scripts into commands (lines, `||`, `;`, `>>` redirections cut off) and words, with the CI's variables filled in.
    private static List<List<string>> Commands(IEnumerable<string> scripts, params (string Variable, string Value)[] variables)
    {
        var commands = new List<List<string>>();
        foreach (var script in scripts)
        {
            var text = variables.Aggregate(script, (t, v) => t.Replace(v.Variable, v.Value, StringComparison.Ordinal));
            foreach (var line in text.Split('\n').SelectMany(l => CommandSeparator().Split(l)))
            {
                var words = Words(Redirection().Replace(line, "")).Where(w => w.Length > 0).ToList();
                if (words.Count > 0)
                {
                    commands.Add(words);
                }
            }
        }

        return commands;
    }

    private static List<List<string>> Alpy(List<List<string>> commands, string verb) =>
        commands.Where(c => c.Contains("--") && c.SkipWhile(w => w != "--").Skip(1).FirstOrDefault() == verb).ToList();

    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                words.Add(word.ToString());
                word.Clear();
            }
            else
            {
                word.Append(c);
            }
        }

        quote.Should().BeNull($"quotes must be closed in: {line}");
        words.Add(word.ToString());
        return words;
    }

    [GeneratedRegex(@"\|\||;|&&")]
    private static partial Regex CommandSeparator();

    [GeneratedRegex(@">>?\s*""?\$\w+""?")]
    private static partial Regex Redirection();
}
