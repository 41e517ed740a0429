@outcomes
Feature: Outcomes
  Scenarios that do not pass, to prove how each outcome is reported.

  Scenario: A failing step
    Given a calculator
    When I add 2 and 2
    Then the result is 5
    And the calculator is switched off

  Scenario: A pending step
    Given a calculator
    When I do something not implemented yet
    Then the result is 0

  Scenario: Undefined steps
    Given a calculator
    When I frobnicate the calculator 3 times
    And I paint it "blue"
    Then the result is 0

  Scenario: An ambiguous step
    Given a calculator
    When I press the big button

  Scenario: A skipped scenario
    Given a calculator
    When the scenario skips itself
    Then the result is 0
