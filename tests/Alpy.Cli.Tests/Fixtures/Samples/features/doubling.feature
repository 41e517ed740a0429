Feature: Doubling
  Scenario: Two doubled is four
    Given the number 2
    When it is doubled
    Then it is 4

  Scenario Outline: <n> doubled is <twice>
    Given the number <n>
    When it is doubled
    Then it is <twice>

    Examples:
      | n  | twice |
      | 1  | 2     |
      | 5  | 10    |
      | 21 | 42    |
