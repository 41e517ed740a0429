Feature: Adding
  Scenario: One and one
    Given the number 1
    When 1 is added
    Then it is 2

  Scenario: Nothing added
    Given the number 7
    When 0 is added
    Then it is 7
