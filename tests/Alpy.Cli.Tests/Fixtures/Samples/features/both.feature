Feature: Doubling and adding
  Scenario: Doubled then added
    Given the number 2
    When it is doubled
    And 1 is added
    Then it is 5

  Scenario: Added then doubled
    Given the number 2
    When 1 is added
    And it is doubled
    Then it is 6

  Scenario: Added twice
    Given the number 0
    When 2 is added
    And 3 is added
    Then it is 5
