namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Rules
{
    private int cents;
    private bool inStock;
    private bool sold;

    [StepDefinition("the customer has {int} cents")]
    public void Has(int amount) => cents = amount;

    [StepDefinition("there are chocolate bars in stock")]
    public void InStock() => inStock = true;

    [StepDefinition("there are no chocolate bars in stock")]
    public void NoStock() => inStock = false;

    [StepDefinition("the customer tries to buy a {int} cent chocolate bar")]
    public void Buy(int price) => sold = inStock && cents >= price;

    [StepDefinition("the sale should not happen")]
    public void NotSold()
    {
        if (sold)
        {
            throw new InvalidOperationException("The sale happened");
        }
    }

    [StepDefinition("the sale should happen")]
    public void Sold()
    {
        if (!sold)
        {
            throw new InvalidOperationException("The sale did not happen");
        }
    }
}
