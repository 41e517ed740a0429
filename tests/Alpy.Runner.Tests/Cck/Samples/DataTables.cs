namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class DataTables
{
    private IReadOnlyList<IReadOnlyList<string>> transposed = [];

    [StepDefinition("the following table is transposed:")]
    public void Transpose(DataTable table) =>
        transposed = Enumerable.Range(0, table.Header.Count).Select(c => (IReadOnlyList<string>)table.AllRows.Select(r => r[c]).ToArray()).ToArray();

    [StepDefinition("it should be:")]
    public void ShouldBe(DataTable expected)
    {
        if (!expected.AllRows.SelectMany(r => r).SequenceEqual(transposed.SelectMany(r => r)))
        {
            throw new InvalidOperationException("The transposed table differs.");
        }
    }
}
