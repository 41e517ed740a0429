@filtering
Feature: Blocked traffic
  The DUT filters the traffic it forwards. A dropped packet disappears: the client waits
  in vain and nothing reaches the far link. A rejected packet is answered at once: the
  client's own link carries a TCP reset or an ICMP port unreachable from the DUT, and
  still nothing reaches the far link. Traffic that no rule names passes as before.

  Background:
    Given the DUT has these links:
      | link | network        | DUT address | hosts                   |
      | 0    | 192.168.0.0/24 | 192.168.0.1 | 192.168.0.2             |
      | 1    | 192.168.1.0/24 | 192.168.1.1 | 192.168.1.2 192.168.1.3 |

  Scenario Outline: Dropped <protocol> traffic to a port does not cross the DUT
    Given node 1 listens on <protocol> port <port>
    And the DUT drops <protocol> port <port>
    When node 0 sends "knock" over <protocol> to 192.168.1.2 port <port>
    Then the message times out
    And node 1 receives nothing
    And link 1 carries no <protocol> packet to 192.168.1.2 port <port>

    Examples:
      | protocol | port |
      | TCP      | 8080 |
      | UDP      | 5353 |

  @smoke
  Scenario: Dropped ICMP does not cross the DUT
    Given the DUT drops ICMP
    When node 0 pings 192.168.1.2
    Then the ping times out
    And link 0 carries an ICMP echo request to 192.168.1.2
    And link 1 carries no ICMP echo request

  Scenario Outline: Rejected <protocol> traffic is answered on the client's link
    Given node 1 listens on <protocol> port <port>
    And the DUT rejects <protocol> port <port>
    When node 0 sends "knock" over <protocol> to 192.168.1.2 port <port>
    Then the message is refused
    And link 0 carries <answer> to 192.168.0.2
    And link 1 carries no <protocol> packet to 192.168.1.2 port <port>

    Examples:
      | protocol | port | answer                   |
      | TCP      | 8080 | a TCP reset              |
      | UDP      | 5353 | an ICMP port unreachable |

  Scenario: Rejected ICMP is answered with an ICMP error
    Given the DUT rejects ICMP
    When node 0 pings 192.168.1.2
    Then the ping fails
    And link 0 carries an ICMP port unreachable from 192.168.0.1 to 192.168.0.2
    And link 1 carries no ICMP echo request

  Scenario Outline: Without the rule the same <protocol> traffic crosses
    Given node 1 listens on <protocol> port <port>
    When node 0 sends "knock" over <protocol> to 192.168.1.2 port <port>
    Then the reply is "knock"
    And link 1 carries a <protocol> packet to 192.168.1.2 port <port>

    Examples:
      | protocol | port |
      | TCP      | 8080 |
      | UDP      | 5353 |

  Scenario Outline: A rule for one <protocol> port leaves the other ports open
    Given node 1 listens on <protocol> port <open port>
    And the DUT drops <protocol> port <blocked port>
    When node 0 sends "still open" over <protocol> to 192.168.1.2 port <open port>
    Then the reply is "still open"

    Examples:
      | protocol | blocked port | open port |
      | TCP      | 8080         | 8081      |
      | UDP      | 5353         | 5354      |

  Scenario: A rule for one direction leaves the other direction open
    Given node 1 listens on TCP port 8080
    And the DUT drops TCP port 8080 from link 1 to link 0
    When node 0 sends "one way" over TCP to 192.168.1.2 port 8080
    Then the reply is "one way"
