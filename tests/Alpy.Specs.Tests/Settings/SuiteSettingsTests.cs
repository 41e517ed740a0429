using Alpy.Specs.Steps.Dut.Mutants;
using Alpy.Specs.Steps.Settings;

namespace Alpy.Specs.Tests.Settings;

public sealed class SuiteSettingsTests
{
    private static SuiteSettings From(params (string Name, string Value)[] variables) =>
        SuiteSettings.FromEnvironment(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Given_no_variables_When_read_Then_the_defaults_share_labs_and_keep_none()
    {
        var settings = From();

        settings.LabMode.Should().Be(LabMode.Shared);
        settings.KeepLab.Should().Be(KeepLab.Never);
        settings.Mutants.Should().Be(DutMutant.None);
        settings.AnswerTimeout.Should().Be(TimeSpan.FromSeconds(2));
        settings.ArtifactsDirectory.Should().EndWith("reports/runs");
    }

    [Fact]
    public void Given_every_variable_When_read_Then_each_takes_effect()
    {
        var folder = Directory.CreateTempSubdirectory("alpy-specs-test-").FullName;
        try
        {
            var settings = From(("ALPY_LAB", "fresh"), ("ALPY_KEEP_LAB", "failure"), ("ALPY_KEEP_MINUTES", "5"), ("ALPY_MAX_LABS", "1"),
                ("ALPY_DUT_MUTANTS", "all"), ("ALPY_DUT_SHARE", folder), ("ALPY_DUT_DRIVER", "/mnt/share/alpy-dut"),
                ("ALPY_BOOT_TIMEOUT", "90"), ("ALPY_ANSWER_TIMEOUT", "1"), ("ALPY_FRAME_TIMEOUT", "0.5"), ("ALPY_ARTIFACTS", "/tmp/x/runs"),
                ("ALPY_KEEP_CAPTURES", "always"), ("ALPY_SNAP_LENGTH", "1500"));

            settings.Should().BeEquivalentTo(new
            {
                LabMode = LabMode.Fresh, KeepLab = KeepLab.OnFailure, KeepFor = TimeSpan.FromMinutes(5), MaxLabs = 1, Mutants = DutMutants.All,
                SharedFolder = folder, DriverProgram = "/mnt/share/alpy-dut", BootTimeout = TimeSpan.FromSeconds(90),
                AnswerTimeout = TimeSpan.FromSeconds(1), FrameTimeout = TimeSpan.FromSeconds(0.5), KeepCaptures = true, SnapLength = 1500,
            });
            settings.ArtifactsDirectory.Should().Be("/tmp/x/runs");
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("256", 256)]
    public void Given_a_snap_length_When_read_Then_0_means_whole_frames(string value, int? bytes) =>
        From(("ALPY_SNAP_LENGTH", value)).SnapLength.Should().Be(bytes);

    [Theory]
    [InlineData("ALPY_LAB", "sometimes", "shared, fresh")]
    [InlineData("ALPY_KEEP_LAB", "yes", "never, failure, always")]
    [InlineData("ALPY_MAX_LABS", "0", "1 to 8")]
    [InlineData("ALPY_BOOT_TIMEOUT", "forever", "5 to 3600")]
    [InlineData("ALPY_DUT_MUTANTS", "break-everything", "ignore-filters")]
    [InlineData("ALPY_DUT_SHARE", "/no/such/folder", "not a folder")]
    [InlineData("ALPY_DUT_DRIVER", "alpy-dut; reboot", "absolute path")]
    [InlineData("ALPY_KEEP_CAPTURES", "yes", "never, always")]
    [InlineData("ALPY_SNAP_LENGTH", "20", "64 to 262144")]
    public void Given_a_bad_value_When_read_Then_the_error_names_the_variable_and_the_allowed_values(string name, string value, string allowed) =>
        FluentActions.Invoking(() => From((name, value))).Should().Throw<SettingsException>().Which.Message.Should().Contain(name).And.Contain(allowed);
}
