@fails-on-purpose
Feature: A wrong expectation
  Scenario: This one fails on purpose
    Given the number 2
    When it is doubled
    Then it is 5

  Scenario: This one passes
    Given the number 3
    Then it is 3
