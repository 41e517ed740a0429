@smoke
Feature: A single scenario
  Scenario: Zero stays zero
    Given the number 0
    When it is doubled
    Then it is 0
