@forwarding
Feature: Forwarding
  The DUT routes IPv4 and IPv6 between its links. A host on one link reaches a host on the
  other link through the DUT, which takes one off the TTL (IPv6: the hop limit) of every
  packet it forwards and answers with "time exceeded" when nothing is left. With forwarding
  switched off the DUT still answers on its own addresses, but nothing crosses it.

  Background:
    Given the DUT has these links:
      | link | network         | DUT address   | hosts                       |
      | 0    | 192.168.0.0/24  | 192.168.0.1   | 192.168.0.2                 |
      | 0    | 2001:db8:0::/64 | 2001:db8:0::1 | 2001:db8:0::2               |
      | 1    | 192.168.1.0/24  | 192.168.1.1   | 192.168.1.2 192.168.1.3     |
      | 1    | 2001:db8:1::/64 | 2001:db8:1::1 | 2001:db8:1::2 2001:db8:1::3 |

  @smoke
  Scenario: A host pings the DUT on its own link
    When node 0 pings the DUT
    Then the ping succeeds
    And link 0 carries an ICMP echo reply from 192.168.0.1 to 192.168.0.2

  @ipv6
  Scenario: A host pings the DUT on its own link over IPv6
    When node 0 pings the DUT over IPv6
    Then the ping succeeds
    And link 0 carries an ICMPv6 echo reply from 2001:db8:0::1 to 2001:db8:0::2

  @smoke
  Scenario Outline: A host pings a host on the other link through the DUT over <family>
    When node 0 pings <far>
    Then the ping succeeds
    And link 1 carries an <icmp> echo request from <near> to <far>
    And link 0 carries an <icmp> echo reply from <far> to <near>

    Examples:
      | family | near          | far           | icmp   |
      | IPv4   | 192.168.0.2   | 192.168.1.2   | ICMP   |
      | IPv6   | 2001:db8:0::2 | 2001:db8:1::2 | ICMPv6 |

  Scenario Outline: The DUT takes one off the <limit> of what it forwards over <family>
    When node 0 pings <far> with <limit> 64
    Then link 0 carries an <icmp> echo request to <far> with <limit> 64
    And link 1 carries an <icmp> echo request to <far> with <limit> 63

    Examples:
      | family | limit     | far           | icmp   |
      | IPv4   | TTL       | 192.168.1.2   | ICMP   |
      | IPv6   | hop limit | 2001:db8:1::2 | ICMPv6 |

  Scenario Outline: A packet whose <limit> runs out at the DUT goes no further over <family>
    When node 0 pings <far> with <limit> 1
    Then the ping fails
    And link 0 carries an <icmp> time exceeded from <dut> to <near>
    And link 1 carries no <icmp> echo request

    Examples:
      | family | limit     | near          | far           | dut           | icmp   |
      | IPv4   | TTL       | 192.168.0.2   | 192.168.1.2   | 192.168.0.1   | ICMP   |
      | IPv6   | hop limit | 2001:db8:0::2 | 2001:db8:1::2 | 2001:db8:0::1 | ICMPv6 |

  Scenario Outline: <protocol> crosses the DUT both ways over <family>
    Given node 1 listens on <protocol> port <port>
    When node 0 sends "hello across" over <protocol> to <far> port <port>
    Then the reply is "hello across"
    And node 1 receives "hello across" from <near>
    And link 1 carries a <protocol> packet from <near> to <far> port <port>
    And link 0 carries a <protocol> packet from <far> port <port> to <near>

    Examples:
      | protocol | port | family | near          | far           |
      | TCP      | 7    | IPv4   | 192.168.0.2   | 192.168.1.2   |
      | UDP      | 7    | IPv4   | 192.168.0.2   | 192.168.1.2   |
      | TCP      | 7    | IPv6   | 2001:db8:0::2 | 2001:db8:1::2 |
      | UDP      | 7    | IPv6   | 2001:db8:0::2 | 2001:db8:1::2 |

  Scenario: With forwarding switched off nothing crosses the DUT
    Given the DUT does not forward traffic
    When node 0 pings 192.168.1.2
    Then the ping fails
    And link 1 carries no ICMP echo request
    When node 0 pings the DUT
    Then the ping succeeds

  @ipv6
  Scenario: With forwarding switched off nothing crosses the DUT over IPv6 either
    Given the DUT does not forward traffic
    When node 0 pings 2001:db8:1::2
    Then the ping fails
    And link 1 carries no ICMPv6 echo request
    When node 0 pings the DUT over IPv6
    Then the ping succeeds
