@balancing
Feature: Load balancing
  The DUT spreads the connections to one service address, 192.168.1.100 port 80, over
  two backends on link 1, in proportion to their weights. Each backend's page names it,
  so the responses tell who served them. Over IPv6 the service is 2001:db8:1::100 port 8080.

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts                       |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2                 |
      | 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2               |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3     |
      | 1    | 2001:db8:1::/64 | 2001:db8:1::1 | 2001:db8:1::2 2001:db8:1::3 |
    And host 192.168.1.2 serves HTTP on port 80 answering "backend A"
    And host 192.168.1.3 serves HTTP on port 80 answering "backend B"

  Scenario Outline: Requests are spread <ratio> over two backends
    Given the DUT balances TCP port 80 of 192.168.1.100 across 192.168.1.2 and 192.168.1.3 in the ratio <ratio>
    When node 0 sends 8 HTTP requests to 192.168.1.100 port 80
    Then the requests succeed
    And "backend A" and "backend B" answer in the ratio <ratio> within 10%
    And link 1 carries a TCP SYN to 192.168.1.2 port 80
    And link 1 carries a TCP SYN to 192.168.1.3 port 80

    Examples:
      | ratio |
      | 1:1   |
      | 3:1   |

  Scenario: With one backend every request lands on it
    Given the DUT balances TCP port 80 of 192.168.1.100 across these backends:
      | backend     | weight |
      | 192.168.1.2 | 1      |
    When node 0 sends 8 HTTP requests to 192.168.1.100 port 80
    Then every response is "backend A"
    And link 1 carries no TCP SYN to 192.168.1.3 port 80

  Scenario: Without balancing the service address does not answer
    When node 0 sends an HTTP request to 192.168.1.100 port 80
    Then the request fails
    And link 1 carries no TCP SYN to 192.168.1.2 port 80

  @ipv6
  Scenario: Requests over IPv6 are spread over two backends
    Given host 2001:db8:1::2 serves HTTP on port 8080 answering "backend A"
    And host 2001:db8:1::3 serves HTTP on port 8080 answering "backend B"
    And the DUT balances TCP port 8080 of 2001:db8:1::100 across 2001:db8:1::2 and 2001:db8:1::3 in the ratio 1:1
    When node 0 sends 8 HTTP requests to 2001:db8:1::100 port 8080
    Then the requests succeed
    And "backend A" and "backend B" answer in the ratio 1:1 within 10%
    And link 1 carries a TCP SYN to [2001:db8:1::2] port 8080
    And link 1 carries a TCP SYN to [2001:db8:1::3] port 8080

  @ipv6
  Scenario: Without balancing the IPv6 service address does not answer
    Given host 2001:db8:1::2 serves HTTP on port 8080 answering "backend A"
    When node 0 sends an HTTP request to 2001:db8:1::100 port 8080
    Then the request fails
    And link 1 carries no TCP SYN to [2001:db8:1::2] port 8080
