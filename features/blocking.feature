@filtering
Feature: Blocked traffic
  The DUT filters the traffic it forwards. A dropped packet disappears: the client waits
  in vain and nothing reaches the far link. A rejected packet is answered at once: the
  client's own link carries a TCP reset or an ICMP port unreachable from the DUT, and
  still nothing reaches the far link. Traffic that no rule names passes as before.
  A rule stops what starts on its "from" side, as on a stateful firewall: a connection,
  UDP exchange or ping that the other side starts passes, replies and the ICMP errors
  about it included. A rule "..., replies included" is stateless and stops those too.
  The links carry IPv4 and IPv6, and a rule covers both unless its words name one
  ("IPv4 TCP port 22"): a rule written for IPv4 alone leaves IPv6 open, the classic hole.

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts                       |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2                 |
      | 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2               |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3     |
      | 1    | 2001:db8:1::/64 | 2001:db8:1::1 | 2001:db8:1::2 2001:db8:1::3 |

  Scenario Outline: Dropped <protocol> traffic to a port does not cross the DUT over <family>
    Given node 1 listens on <protocol> port <port>
    And the DUT drops <protocol> port <port>
    When node 0 sends "knock" over <protocol> to <far> port <port>
    Then the message times out
    And node 1 receives nothing
    And link 1 carries no <protocol> packet to <far> port <port>

    Examples:
      | protocol | port | family | far           |
      | TCP      | 8080 | IPv4   | 192.168.1.2   |
      | UDP      | 5353 | IPv4   | 192.168.1.2   |
      | TCP      | 8080 | IPv6   | 2001:db8:1::2 |
      | UDP      | 5353 | IPv6   | 2001:db8:1::2 |

  @smoke
  Scenario: Dropped ICMP does not cross the DUT
    Given the DUT drops ICMP
    When node 0 pings 192.168.1.2
    Then the ping times out
    And link 0 carries an ICMP echo request to 192.168.1.2
    And link 1 carries no ICMP echo request

  @ipv6
  Scenario: Dropped ICMP does not cross the DUT over IPv6 either
    Given the DUT drops ICMP
    When node 0 pings 2001:db8:1::2
    Then the ping times out
    And link 0 carries an ICMPv6 echo request to 2001:db8:1::2
    And link 1 carries no ICMPv6 echo request

  Scenario Outline: Rejected <protocol> traffic is answered on the client's link over <family>
    Given node 1 listens on <protocol> port <port>
    And the DUT rejects <protocol> port <port>
    When node 0 sends "knock" over <protocol> to <far> port <port>
    Then the message is refused
    And link 0 carries <answer> to <near>
    And link 1 carries no <protocol> packet to <far> port <port>

    Examples:
      | protocol | port | family | near          | far           | answer                     |
      | TCP      | 8080 | IPv4   | 192.168.0.2   | 192.168.1.2   | a TCP reset                |
      | UDP      | 5353 | IPv4   | 192.168.0.2   | 192.168.1.2   | an ICMP port unreachable   |
      | TCP      | 8080 | IPv6   | 2001:db8:0::2 | 2001:db8:1::2 | a TCP reset                |
      | UDP      | 5353 | IPv6   | 2001:db8:0::2 | 2001:db8:1::2 | an ICMPv6 port unreachable |

  Scenario Outline: Rejected ICMP is answered with an <icmp> error
    Given the DUT rejects ICMP
    When node 0 pings <far>
    Then the ping fails
    And link 0 carries an <icmp> port unreachable from <dut> to <near>
    And link 1 carries no <icmp> echo request

    Examples:
      | icmp   | dut           | near          | far           |
      | ICMP   | 192.168.0.1   | 192.168.0.2   | 192.168.1.2   |
      | ICMPv6 | 2001:db8:0::1 | 2001:db8:0::2 | 2001:db8:1::2 |

  Scenario Outline: Without the rule the same <protocol> traffic crosses over <family>
    Given node 1 listens on <protocol> port <port>
    When node 0 sends "knock" over <protocol> to <far> port <port>
    Then the reply is "knock"
    And link 1 carries a <protocol> packet to <far> port <port>

    Examples:
      | protocol | port | family | far           |
      | TCP      | 8080 | IPv4   | 192.168.1.2   |
      | UDP      | 5353 | IPv4   | 192.168.1.2   |
      | TCP      | 8080 | IPv6   | 2001:db8:1::2 |
      | UDP      | 5353 | IPv6   | 2001:db8:1::2 |

  # The classic hole: a gateway that drops SSH over IPv4 but forwards it over IPv6.

  @ipv6 @classic-hole
  Scenario: A rule written for IPv4 leaves SSH over IPv6 open
    Given node 1 listens on TCP port 22
    And the DUT drops IPv4 TCP port 22 from link 0 to link 1
    When node 0 connects to 2001:db8:1::2 port 22
    Then the connection succeeds
    And link 1 carries a TCP SYN to [2001:db8:1::2] port 22

  @ipv6 @classic-hole
  Scenario: A rule written for IPv4 closes SSH over IPv4
    Given node 1 listens on TCP port 22
    And the DUT drops IPv4 TCP port 22 from link 0 to link 1
    When node 0 connects to 192.168.1.2 port 22
    Then the connection times out
    And link 1 carries no TCP SYN to 192.168.1.2 port 22

  @ipv6 @classic-hole
  Scenario: A rule for both families closes SSH over IPv6 too
    Given node 1 listens on TCP port 22
    And the DUT drops TCP port 22 from link 0 to link 1
    When node 0 connects to 2001:db8:1::2 port 22
    Then the connection times out
    And link 0 carries a TCP SYN to [2001:db8:1::2] port 22
    And link 1 carries no TCP SYN to [2001:db8:1::2] port 22

  @ipv6 @classic-hole
  Scenario: A rule written for IPv6 leaves SSH over IPv4 open
    Given node 1 listens on TCP port 22
    And the DUT rejects IPv6 TCP port 22 from link 0 to link 1
    When node 0 connects to 192.168.1.2 port 22
    Then the connection succeeds
    When node 0 connects to 2001:db8:1::2 port 22
    Then the connection is refused
    And link 0 carries a TCP reset from 2001:db8:1::2 port 22 to 2001:db8:0::2

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

  # A rule names the side that starts the traffic, as on a stateful gateway: what the other side starts passes,
  # replies and related ICMP errors included.

  @stateful
  Scenario Outline: A rule against <protocol> from link 1 to link 0 <action> what link 1 starts
    Given node 0 listens on <protocol> port 7000
    And the DUT <action> <protocol> from link 1 to link 0
    When node 1 sends "knock" over <protocol> to 192.168.0.2 port 7000
    Then the message <outcome>
    And node 0 receives nothing
    And link 0 carries no <protocol> packet to 192.168.0.2 port 7000

    Examples:
      | protocol | action  | outcome    |
      | TCP      | drops   | times out  |
      | UDP      | drops   | times out  |
      | TCP      | rejects | is refused |
      | UDP      | rejects | is refused |

  @stateful
  Scenario Outline: A rule against ICMP from link 1 to link 0 <action> the pings link 1 starts
    Given the DUT <action> ICMP from link 1 to link 0
    When node 1 pings 192.168.0.2
    Then the ping <outcome>
    And link 0 carries no ICMP echo request

    Examples:
      | action  | outcome   |
      | drops   | times out |
      | rejects | fails     |

  @stateful
  Scenario Outline: Without a rule, the <protocol> traffic link 1 starts crosses
    Given node 0 listens on <protocol> port 7000
    When node 1 sends "knock" over <protocol> to 192.168.0.2 port 7000
    Then the reply is "knock"
    And link 0 carries a <protocol> packet to 192.168.0.2 port 7000

    Examples:
      | protocol |
      | TCP      |
      | UDP      |

  @stateful
  Scenario: Without a rule, the pings link 1 starts cross
    When node 1 pings 192.168.0.2
    Then the ping succeeds
    And link 0 carries an ICMP echo request to 192.168.0.2

  @stateful
  Scenario Outline: A rule that <action> <protocol> from link 1 to link 0 lets link 0's own <protocol> traffic and its replies through
    Given node 1 listens on <protocol> port 7000
    And the DUT <action> <protocol> from link 1 to link 0
    When node 0 sends "hello" over <protocol> to 192.168.1.2 port 7000
    Then the reply is "hello"
    And link 0 carries a <protocol> packet from 192.168.1.2 port 7000

    Examples:
      | protocol | action  |
      | TCP      | drops   |
      | UDP      | drops   |
      | TCP      | rejects |

  @stateful
  Scenario: A rule that drops ICMP from link 1 to link 0 lets link 0's own pings and their replies through
    Given the DUT drops ICMP from link 1 to link 0
    When node 0 pings 192.168.1.2
    Then the ping succeeds
    And link 0 carries an ICMP echo reply from 192.168.1.2

  @stateful
  Scenario: A rule that drops ICMP from link 1 to link 0 lets the errors about link 0's own traffic through
    Given the DUT drops ICMP from link 1 to link 0
    When node 0 sends "anyone there?" over UDP to 192.168.1.2 port 7001
    Then the message is refused
    And link 0 carries an ICMP port unreachable from 192.168.1.2 to 192.168.0.2

  @stateful
  Scenario: A stateless rule against ICMP from link 1 to link 0 also drops the replies to link 0's pings
    Given the DUT drops ICMP from link 1 to link 0, replies included
    When node 0 pings 192.168.1.2
    Then the ping times out
    And link 1 carries an ICMP echo reply from 192.168.1.2
    And link 0 carries no ICMP echo reply

  @stateful
  Scenario: A stateless rule against ICMP from link 1 to link 0 also drops the errors about link 0's own traffic
    Given the DUT drops ICMP from link 1 to link 0, replies included
    When node 0 sends "anyone there?" over UDP to 192.168.1.2 port 7001
    Then the message times out
    And link 1 carries an ICMP port unreachable from 192.168.1.2 to 192.168.0.2
    And link 0 carries no ICMP port unreachable
