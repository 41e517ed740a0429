@forwarding
Feature: Forwarding
  The DUT routes IPv4 between its links. A host on one link reaches a host on the other
  link through the DUT, which takes one off the TTL of every packet it forwards and
  answers with "time exceeded" when nothing is left. With forwarding switched off the
  DUT still answers on its own addresses, but nothing crosses it.

  Background:
    Given the DUT has these links:
      | link | network        | DUT address | hosts                   |
      | 0    | 192.168.0.0/24 | 192.168.0.1 | 192.168.0.2             |
      | 1    | 192.168.1.0/24 | 192.168.1.1 | 192.168.1.2 192.168.1.3 |

  @smoke
  Scenario: A host pings the DUT on its own link
    When node 0 pings the DUT
    Then the ping succeeds
    And link 0 carries an ICMP echo reply from 192.168.0.1 to 192.168.0.2

  @smoke
  Scenario: A host pings a host on the other link through the DUT
    When node 0 pings 192.168.1.2
    Then the ping succeeds
    And link 1 carries an ICMP echo request from 192.168.0.2 to 192.168.1.2
    And link 0 carries an ICMP echo reply from 192.168.1.2 to 192.168.0.2

  Scenario: The DUT takes one off the TTL of what it forwards
    When node 0 pings 192.168.1.2 with TTL 64
    Then link 0 carries an ICMP echo request to 192.168.1.2 with TTL 64
    And link 1 carries an ICMP echo request to 192.168.1.2 with TTL 63

  Scenario: A packet whose TTL runs out at the DUT goes no further
    When node 0 pings 192.168.1.2 with TTL 1
    Then the ping fails
    And link 0 carries an ICMP time exceeded from 192.168.0.1 to 192.168.0.2
    And link 1 carries no ICMP echo request

  Scenario Outline: <protocol> crosses the DUT both ways
    Given node 1 listens on <protocol> port <port>
    When node 0 sends "hello across" over <protocol> to 192.168.1.2 port <port>
    Then the reply is "hello across"
    And node 1 receives "hello across" from 192.168.0.2
    And link 1 carries a <protocol> packet from 192.168.0.2 to 192.168.1.2 port <port>
    And link 0 carries a <protocol> packet from 192.168.1.2 port <port> to 192.168.0.2

    Examples:
      | protocol | port |
      | TCP      | 7    |
      | UDP      | 7    |

  Scenario: With forwarding switched off nothing crosses the DUT
    Given the DUT does not forward traffic
    When node 0 pings 192.168.1.2
    Then the ping fails
    And link 1 carries no ICMP echo request
    When node 0 pings the DUT
    Then the ping succeeds
