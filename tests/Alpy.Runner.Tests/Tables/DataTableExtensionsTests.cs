namespace Alpy.Runner.Tests.Tables;

public sealed class DataTableExtensionsTests
{
    private static DataTable Table(params string[][] rows) => new(rows);

    [Fact]
    public void Given_a_field_value_table_When_an_instance_is_created_Then_columns_fill_members_ignoring_case_and_spaces()
    {
        var table = Table(["Field", "Value"], ["first name", "Ada"], ["Age", "36"], ["Role", "Engineer"]);

        var person = table.CreateInstance<Person>();

        person.Should().BeEquivalentTo(new Person { FirstName = "Ada", Age = 36, Role = Role.Engineer });
    }

    [Fact]
    public void Given_a_header_and_rows_When_a_set_is_created_Then_each_row_is_an_object_including_records()
    {
        var table = Table(["Name", "Port"], ["http", "80"], ["alt", "88"]);

        table.CreateSet<Service>().Should().Equal(new Service("http", 80), new Service("alt", 88));
    }

    [Fact]
    public void Given_a_matching_object_When_compared_to_the_table_Then_nothing_is_thrown()
    {
        Table(["Field", "Value"], ["FirstName", "Ada"], ["Age", "36"]).CompareToInstance(new Person { FirstName = "Ada", Age = 36 });
    }

    [Fact]
    public void Given_a_different_object_When_compared_to_the_table_Then_the_diff_names_each_field()
    {
        var compare = () => Table(["Field", "Value"], ["FirstName", "Ada"], ["Age", "36"]).CompareToInstance(new Person { FirstName = "Ada", Age = 37 });

        compare.Should().Throw<ComparisonException>().WithMessage("*Age: expected \"36\" but was \"37\"*").And.Message.Should().NotContain("FirstName:");
    }

    [Fact]
    public void Given_a_set_with_a_wrong_and_a_surplus_item_When_compared_Then_the_diff_marks_missing_rows_and_extra_items()
    {
        var table = Table(["Name", "Port"], ["http", "80"], ["alt", "88"]);

        var compare = () => table.CompareToSet([new Service("http", 80), new Service("alt", 89), new Service("ssh", 22)]);

        compare.Should().Throw<ComparisonException>().Which.Message.Should().Be(
            "The set of Service does not match the table: 1 expected row(s) missing (-), 2 unexpected item(s) (+).\n" +
            "  | Name | Port |\n" +
            "  | http | 80   |\n" +
            "- | alt  | 88   |\n" +
            "+ | alt  | 89   |\n" +
            "+ | ssh  | 22   |");
    }

    [Fact]
    public void Given_the_same_items_in_another_order_When_compared_in_order_Then_it_fails_but_unordered_it_passes()
    {
        var table = Table(["Name", "Port"], ["http", "80"], ["alt", "88"]);
        Service[] items = [new("alt", 88), new("http", 80)];

        table.CompareToSet(items);
        var ordered = () => table.CompareToSet(items, sequentialOrder: true);
        ordered.Should().Throw<ComparisonException>().WithMessage("*(in order)*");
    }

    [Fact]
    public void Given_an_unknown_column_When_creating_Then_the_error_lists_the_members()
    {
        var create = () => Table(["Nmae"], ["x"]).CreateInstance<Person>();

        create.Should().Throw<ComparisonException>().WithMessage("*no member for the column \"Nmae\"*FirstName*");
    }

    [Fact]
    public void Given_a_cell_that_does_not_convert_When_creating_Then_the_error_names_the_column()
    {
        var create = () => Table(["Name", "Port"], ["http", "eighty"]).CreateSet<Service>();

        create.Should().Throw<ComparisonException>().WithMessage("Column \"Port\" in row 1*\"eighty\" is not a valid Int32*");
    }

    public enum Role
    {
        None,
        Engineer,
    }

    public sealed class Person
    {
        public string? FirstName { get; set; }

        public int Age { get; set; }

        public Role Role { get; set; }
    }

    public sealed record Service(string Name, int Port);
}
