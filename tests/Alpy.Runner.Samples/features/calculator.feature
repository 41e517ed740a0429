@calculator
Feature: Calculator
  Adding numbers, the way a calculator does.

  Background:
    Given a calculator

  @smoke
  Scenario: Add two numbers
    When I add 2 and 3
    Then the result is 5

  Scenario Outline: Add many numbers
    When I add <a> and <b>
    Then the result is <sum>

    @smoke
    Examples: small
      | a | b | sum |
      | 1 | 1 | 2   |
      | 2 | 5 | 7   |

    Examples: large
      | a    | b    | sum  |
      | 1000 | 2000 | 3000 |

  Scenario: Totals from a table
    When I add these numbers:
      | number |
      | 4      |
      | 6      |
    Then the result is 10

  @ignore
  Scenario: Divide by zero
    When I divide 1 by 0
